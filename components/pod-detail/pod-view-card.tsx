import type { PodView } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';
import type { Column } from '@/components/ui/column';
import { DataTable } from '@/components/ui/data-table';
import { PhaseBadge } from '@/components/sidecarset/phase-badge';
import { containerRows, type ContainerRow } from './container-rows';

const columns: Column<ContainerRow>[] = [
  { id: 'name', header: 'Container', cell: (r) => <span className="font-mono text-xs">{r.slot.container}</span> },
  { id: 'role', header: 'Role', cell: (r) => <span className="text-xs">{r.role}</span> },
  { id: 'spec', header: 'Spec image', cell: (r) => <span className="font-mono text-xs">{r.slot.specImage ?? '—'}</span> },
  { id: 'status', header: 'Running image', cell: (r) => <span className="font-mono text-xs">{r.slot.statusImage ?? '—'}</span> },
  {
    id: 'state',
    header: 'State',
    cell: (r) => (
      <span className="text-xs">
        {r.slot.state}
        {r.slot.reason && ` (${r.slot.reason})`}
      </span>
    ),
  },
  { id: 'ready', header: 'Ready', cell: (r) => <span className="text-xs">{r.slot.ready ? 'yes' : 'no'}</span> },
  { id: 'restarts', header: 'Restarts', cell: (r) => <span className="text-xs tabular-nums">{r.slot.restartCount}</span> },
];

/** The pod as the pod table shows it, expanded: where it runs, its phase, and every container's images and state. */
export function PodViewCard({ view }: { view: PodView }) {
  return (
    <section className="flex flex-col gap-3" aria-labelledby="pod-view-title">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="pod-view-title" className="text-lg font-semibold">
          Pod
        </h2>
        <PhaseBadge pod={view} />
        {view.updated ? <Badge severity="ok">current revision</Badge> : <Badge severity="muted">older revision</Badge>}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Node</dt>
          <dd>{view.node ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Pod IP</dt>
          <dd>{view.podIP ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Ready / status</dt>
          <dd data-testid="pod-ready">
            {view.kubectl.ready} · {view.kubectl.status}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Restarts</dt>
          <dd>{view.kubectl.restartsText}</dd>
        </div>
      </dl>
      <DataTable caption={`Containers of pod ${view.namespace}/${view.name}`} columns={columns} rows={containerRows(view)} rowKey={(r) => r.slot.container} rowTestId="container-row" />
    </section>
  );
}
