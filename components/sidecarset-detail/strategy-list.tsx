import type { ReactNode } from 'react';
import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** updateStrategy (and injection) with raw values and what they resolve to for the pods matched now. */
export function StrategyList({ summary }: { summary: SidecarSetSummary }) {
  const s = summary.updateStrategy;
  const rows: Array<[string, ReactNode]> = [
    ['Type', s.type],
    ['Paused', s.paused ? <Badge severity="warning">Paused</Badge> : <Badge severity="ok" plain>No</Badge>],
    ['maxUnavailable', `${s.maxUnavailable ?? 1} (${plural(s.maxUnavailableCount, 'pod')} at a time)`],
    ['Partition', `${s.partition ?? 0} (${plural(s.partitionCount, 'pod')} kept on the old revision)`],
    ['Update selector', s.selectorText ?? 'all matched pods'],
    ['Injection', summary.injectionPaused ? 'paused: new pods get no sidecar' : 'active'],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="strategy">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
