'use client';

import { memo } from 'react';
import { cx } from '@/components/ui/cx';
import { LABEL_WIDTH, hatchClass } from '@/components/timeline/styles';
import { clock, pct, ticks, type Domain } from '@/components/timeline/time-scale';
import type { Column } from './phase-series';
import { STATES, stateClass, stateWord } from './states';

interface Props {
  columns: readonly Column[];
  domain: Domain;
  /** Pods in the SidecarSet: the chart's full height, so a column's height reads as a share of all pods. */
  podCount: number;
  label: string;
}

const countsText = (c: Column) => (c.counts ? STATES.filter((s) => (c.counts?.[s] ?? 0) > 0).map((s) => `${c.counts?.[s]} ${stateWord[s]}`).join(', ') : c.gap ? 'not seen (gap in the record)' : 'not yet');

/**
 * Phase counts over time as stacked bars on the swimlanes' time axis (same domain, same label column, so a bar
 * sits above the moment it counts). Gap columns are hatched and empty: the record has nothing there. The chart
 * is an image to assistive tech; its numbers are in the overview's table.
 */
export const PhaseChart = memo(function PhaseChart({ columns, domain, podCount, label }: Props) {
  const max = Math.max(1, podCount, ...columns.map((c) => c.total));
  const { step, at } = ticks(domain, 6);
  const lastSeen = columns.findLast((c) => c.counts !== undefined);
  return (
    <div className="flex flex-col gap-1 px-3" data-testid="phase-chart" data-now={lastSeen?.counts ? STATES.map((s) => `${s}:${lastSeen.counts?.[s] ?? 0}`).join(',') : ''}>
      <div className="flex items-stretch">
        <div className="flex shrink-0 flex-col justify-between pr-2 text-right text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400" style={{ width: LABEL_WIDTH }}>
          <span>{max} pods</span>
          <span>0</span>
        </div>
        <div role="img" aria-label={label} className="flex h-24 flex-1 items-stretch border-b border-l border-zinc-300 dark:border-zinc-600">
          {columns.map((c) => (
            <div
              key={c.startMs}
              data-testid="phase-column"
              data-gap={c.gap || undefined}
              data-counts={c.counts ? STATES.map((s) => `${s}:${c.counts?.[s] ?? 0}`).join(',') : undefined}
              title={`${clock(c.atMs)} UTC: ${countsText(c)}`}
              className={cx('flex h-full flex-1 flex-col-reverse', c.gap && hatchClass)}
            >
              {c.counts &&
                STATES.map((s) => {
                  const n = c.counts?.[s] ?? 0;
                  return n > 0 ? <div key={s} className={stateClass(s)} style={{ height: `${(n / max) * 100}%` }} /> : null;
                })}
            </div>
          ))}
        </div>
      </div>
      <div className="relative h-4 text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400" style={{ marginLeft: LABEL_WIDTH }} aria-hidden="true">
        {at
          .filter((t) => pct(domain, t) > 2 && pct(domain, t) < 95)
          .map((t) => (
            <span key={t} className="absolute -translate-x-1/2" style={{ left: `${pct(domain, t)}%` }}>
              {clock(t, step < 1000)}
            </span>
          ))}
      </div>
    </div>
  );
});
