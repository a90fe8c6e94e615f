import Link from 'next/link';
import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import type { Column } from '@/components/ui/column';
import { cx, focusRing } from '@/components/ui/cx';
import { BlockedReasonBadges } from '@/components/sidecarset/blocked-reason-badges';
import { ContainerImages } from '@/components/sidecarset/container-images';
import { CounterList } from '@/components/sidecarset/counter-list';
import { RolloutProgress } from '@/components/sidecarset/rollout-progress';
import { RolloutStateBadge } from '@/components/sidecarset/rollout-state-badge';
import { SelectorText } from '@/components/sidecarset/selector-text';

export const sidecarSetColumns: Column<SidecarSetSummary>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (s) => (
      <span className="flex flex-col gap-0.5">
        <Link
          href={`/sidecarsets/${encodeURIComponent(s.name)}`}
          className={cx('rounded font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing)}
        >
          {s.name}
        </Link>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{s.apiVersion}</span>
      </span>
    ),
  },
  { id: 'containers', header: 'Containers', cell: (s) => <ContainerImages containers={s.containers} />, className: 'min-w-64' },
  { id: 'progress', header: 'Progress', cell: (s) => <RolloutProgress summary={s} className="flex w-56 flex-col gap-1" /> },
  { id: 'rollout', header: 'Rollout', cell: (s) => <RolloutStateBadge summary={s} /> },
  { id: 'selector', header: 'Selector', cell: (s) => <SelectorText summary={s} />, className: 'min-w-56' },
  { id: 'pods', header: 'Pods', cell: (s) => <CounterList counters={s.counters} /> },
  { id: 'blocked', header: 'Blocked', cell: (s) => <BlockedReasonBadges reasons={s.blockedReasons} /> },
];
