import Link from 'next/link';
import type { HotSidecarView, PodView, SidecarContainerSummary } from '@/lib/sidecarset/views';
import type { Column } from '@/components/ui/column';
import { cx, focusRing } from '@/components/ui/cx';
import { podTimelineHref } from '@/components/timeline/links';
import { PhaseBadge } from '@/components/sidecarset/phase-badge';
import { SlotImage } from './slot-image';

/** A pod without the sidecar (not injected) has no slots to show, whatever defaults the view carries. */
const hot = (pod: PodView, name: string): HotSidecarView | undefined => (pod.injected ? pod.hotSidecars.find((h) => h.name === name) : undefined);
const none = <span className="text-zinc-600 dark:text-zinc-400">—</span>;

function hotColumns(c: SidecarContainerSummary, several: boolean): Column<PodView>[] {
  const slots = [`${c.name}-1`, `${c.name}-2`];
  return [
    {
      id: `${c.name}:working`,
      header: several ? `${c.name} working` : 'Working slot',
      width: '6.5rem',
      cell: (pod) => {
        const h = hot(pod, c.name);
        if (!h) return none;
        return (
          <span className="font-mono text-xs" data-testid="working-slot" title={h.workingAnnotated ? undefined : 'No working-slot annotation: Kruise assumes the -2 slot'}>
            {h.workingSlot}
            {!h.workingAnnotated && ' (assumed)'}
          </span>
        );
      },
    },
    ...slots.map((slot) => ({
      id: slot,
      header: slot,
      width: '12.5rem',
      cell: (pod: PodView) => {
        const h = hot(pod, c.name);
        if (!h) return none;
        return <SlotImage slot={h.slots.find((s) => s.container === slot)} working={h.workingSlot === slot} />;
      },
    })),
  ];
}

function coldColumn(c: SidecarContainerSummary): Column<PodView> {
  return {
    id: c.name,
    header: c.name,
    width: '12.5rem',
    cell: (pod) => {
      const slot = pod.coldSidecars.find((s) => s.name === c.name)?.slot;
      return slot ? <SlotImage slot={slot} working /> : none;
    },
  };
}

/** The pod table's columns: fixed ones, then per sidecar its working slot and image per slot. */
export function podColumns(containers: readonly SidecarContainerSummary[], sidecarSet: string): Column<PodView>[] {
  const hotCount = containers.filter((c) => c.upgradeType === 'HotUpgrade').length;
  return [
    { id: 'namespace', header: 'Namespace', width: '6.5rem', cell: (p) => <span className="block truncate" title={p.namespace}>{p.namespace}</span> },
    {
      id: 'name',
      header: 'Name',
      width: '14rem',
      cell: (p) => (
        <span className="flex min-w-0 flex-col">
          {/* Links to the pod's own page: its timeline and its view. */}
          <Link
            href={podTimelineHref(sidecarSet, p.namespace, p.name)}
            className={cx('truncate font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing)}
            title={`${p.name}: timeline and details`}
            data-testid="pod-name"
          >
            {p.name}
          </Link>
          {p.selectedButNotInjected && <span className="truncate text-[11px]">selected, but no sidecar injected</span>}
        </span>
      ),
    },
    { id: 'node', header: 'Node', width: '9.5rem', cell: (p) => <span className="block truncate" title={p.node}>{p.node ?? '—'}</span> },
    { id: 'ready', header: 'Ready', width: '4rem', cell: (p) => <span className="tabular-nums" data-testid="pod-ready">{p.kubectl.ready}</span> },
    { id: 'restarts', header: 'Restarts', width: '5rem', cell: (p) => <span className="tabular-nums">{p.kubectl.restartsText}</span> },
    ...containers.flatMap((c) => (c.upgradeType === 'HotUpgrade' ? hotColumns(c, hotCount > 1) : [coldColumn(c)])),
    { id: 'phase', header: 'Phase', width: '11rem', cell: (p) => <PhaseBadge pod={p} /> },
    {
      id: 'updated',
      header: 'Updated',
      width: '5.5rem',
      cell: (p) =>
        p.updated ? (
          <span data-testid="pod-updated" data-updated="true">
            <span aria-hidden="true">✓ </span>yes
          </span>
        ) : (
          <span data-testid="pod-updated" data-updated="false" className="text-zinc-600 dark:text-zinc-400">
            <span aria-hidden="true">– </span>no
          </span>
        ),
    },
  ];
}
