'use client';

import type { FreshnessLevel } from '@/lib/browser/stream/freshness';
import { useFreshness } from '@/lib/browser/hooks/use-freshness';
import { cx } from '@/components/ui/cx';
import { Hint } from '@/components/ui/hint';

const dot: Record<FreshnessLevel, string> = {
  connecting: 'bg-zinc-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500',
  stale: 'bg-red-500',
  down: 'bg-red-500',
  paused: 'bg-zinc-400',
};

const pill: Record<FreshnessLevel, string> = {
  connecting: 'border-zinc-300 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300',
  live: 'border-emerald-600/40 text-emerald-800 dark:border-emerald-400/40 dark:text-emerald-200',
  reconnecting: 'border-amber-600/50 text-amber-900 dark:border-amber-400/40 dark:text-amber-200',
  stale: 'border-red-600/50 text-red-800 dark:border-red-400/50 dark:text-red-200',
  down: 'border-red-600/50 text-red-800 dark:border-red-400/50 dark:text-red-200',
  paused: 'border-zinc-300 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300',
};

const spoken: Record<FreshnessLevel, string> = {
  connecting: 'Connecting to live updates',
  live: 'Live updates on',
  reconnecting: 'Live updates interrupted, reconnecting',
  stale: 'Data is stale',
  down: 'No data from the cluster',
  paused: 'Live updates paused while the tab is hidden',
};

/** Live / Reconnecting… / Stale: whether what the page shows can be trusted right now. */
export function FreshnessIndicator() {
  const f = useFreshness();
  return (
    <div className="flex items-center">
      <Hint
        trigger={
          <span
            data-testid="freshness"
            data-level={f.level}
            className={cx('inline-flex items-center gap-2 rounded-full border px-2.5 py-1 text-xs font-medium whitespace-nowrap', pill[f.level])}
          >
            {/* No pulse: an endless animation repaints every frame, which costs each open tab a few % of a core. */}
            <span aria-hidden="true" className={cx('size-2 rounded-full', dot[f.level])} />
            {f.label}
          </span>
        }
      >
        <span className="block font-medium">Data freshness</span>
        <span className="block">
          Updates are pushed by the dashboard server, which watches the cluster. Stale means nothing was heard for a while.
        </span>
        {f.details.map((d) => (
          <span key={d} className="block font-mono">
            {d}
          </span>
        ))}
      </Hint>
      {/* Announces changes of level only; the ticking seconds in the label would be noise. */}
      <span role="status" className="sr-only">
        {spoken[f.level]}
      </span>
    </div>
  );
}
