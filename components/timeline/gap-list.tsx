import type { Gap } from '@/lib/api';
import { isStartupGap } from './time-axis';
import { clock, span } from './time-scale';

/** The gaps in words: when the dashboard could not see the cluster, and why. */
export function GapList({ gaps, now }: { gaps: readonly Gap[]; now: number }) {
  const startup = gaps.find(isStartupGap);
  const watch = gaps.filter((g) => !isStartupGap(g));
  return (
    <div className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="gap-list">
      {startup?.endMs !== undefined && <p>Recording since {clock(startup.endMs)} UTC; earlier history comes only from container start times and Events.</p>}
      {watch.length > 0 && (
        <ul className="mt-1 flex flex-col gap-0.5">
          {watch.map((g) => (
            <li key={g.id} data-testid="gap-item" data-gap-id={g.id} data-open={g.endMs === undefined || undefined}>
              <span className="font-medium text-zinc-800 dark:text-zinc-200">Gap {span(g.startMs, g.endMs ?? now, g.endMs === undefined)}</span>: {g.reason}
              {g.relist && ' (re-listed: changes inside are known only as net results)'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
