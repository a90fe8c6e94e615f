'use client';

import { cx, focusRing } from '@/components/ui/cx';
import { FILTERS, filterLabel, filterMeaning, type FilterId } from './grid-model';

interface Props {
  counts: Record<FilterId, number>;
  active: ReadonlySet<FilterId>;
  onChange: (next: ReadonlySet<FilterId>) => void;
  /** Pods shown with the filters applied, out of all. */
  shown: number;
  total: number;
}

/** Toggle buttons (aria-pressed), each with its count; they narrow the grid and the swimlanes alike. */
export function OverviewFilters({ counts, active, onChange, shown, total }: Props) {
  const toggle = (f: FilterId) => {
    const next = new Set(active);
    if (next.has(f)) next.delete(f);
    else next.add(f);
    onChange(next);
  };
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filter pods" data-testid="overview-filters">
      {FILTERS.map((f) => {
        const on = active.has(f);
        return (
          <button
            key={f}
            type="button"
            aria-pressed={on}
            title={filterMeaning[f]}
            data-testid="overview-filter"
            data-filter={f}
            data-count={counts[f]}
            onClick={() => toggle(f)}
            className={cx(
              'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium',
              on
                ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-300 dark:bg-sky-300 dark:text-zinc-950'
                : 'border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
              focusRing,
            )}
          >
            <span aria-hidden="true">{on ? '✓' : '+'}</span>
            {filterLabel[f]}
            <span className="tabular-nums">{counts[f]}</span>
          </button>
        );
      })}
      {active.size > 0 && (
        <button type="button" onClick={() => onChange(new Set())} className={cx('rounded text-sm text-sky-800 underline underline-offset-2 dark:text-sky-300', focusRing)}>
          Clear filters
        </button>
      )}
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="overview-shown">
        {active.size > 0 ? `Showing ${shown} of ${total} pods (any chosen filter)` : `${total} pods`}
      </p>
    </div>
  );
}
