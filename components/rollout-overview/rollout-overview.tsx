'use client';

import { useId, useMemo, useState } from 'react';
import type { Gap } from '@/lib/api';
import { gapIntervals } from '@/components/timeline/gaps';
import type { PodModel } from '@/components/timeline/pod-model';
import { Swatch } from '@/components/timeline/swatch';
import { hatchClass } from '@/components/timeline/styles';
import { clock, type Domain } from '@/components/timeline/time-scale';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { filterCounts, type FilterId, type PodCell } from './grid-model';
import { OverviewFilters } from './overview-filters';
import { OverviewTable } from './overview-table';
import { PhaseChart } from './phase-chart';
import { emptyCounts, phaseSeries, seriesRanges, type Counts } from './phase-series';
import { PodGrid } from './pod-grid';
import { STATES, stateClass, stateMeaning, stateWord } from './states';
import type { Track } from './track';

interface Props {
  name: string;
  /** Every pod's swimlane model, in display order (the chart counts them all, whatever the filters). */
  models: readonly PodModel[];
  /** Each model's state over time (useTracks), in the same order. */
  tracks: readonly Track[];
  /** Every pod, in the swimlanes' order. */
  cells: readonly PodCell[];
  /** The cells the filters leave. */
  shown: readonly PodCell[];
  filters: ReadonlySet<FilterId>;
  onFilters: (next: ReadonlySet<FilterId>) => void;
  domain: Domain;
  now: number;
  gaps: readonly Gap[];
  /** Show a pod's swimlanes (scroll the timeline to it and focus it). */
  onOpen: (key: string) => void;
}

const countsOf = (cells: readonly PodCell[]): Counts => {
  const c = emptyCounts();
  for (const cell of cells) c[cell.state]++;
  return c;
};

/**
 * What a rollout of thousands of pods looks like at a glance, above the swimlanes: pods per state over time (on
 * the swimlanes' time axis), every pod as one cell, and filters that narrow the grid and the swimlanes together.
 * The same numbers as tables on request.
 */
export function RolloutOverview({ name, models, cells, shown, filters, onFilters, domain, now, gaps, onOpen, tracks }: Props) {
  const tableId = useId();
  const [asTable, setAsTable] = useState(false);
  const intervals = useMemo(() => gapIntervals(gaps, now), [gaps, now]);
  const columns = useMemo(() => phaseSeries(tracks, domain, intervals, now), [tracks, domain, intervals, now]);
  const current = useMemo(() => countsOf(cells), [cells]);
  const counts = useMemo(() => filterCounts(cells), [cells]);
  const nowText = STATES.filter((s) => current[s] > 0).map((s) => `${current[s]} ${stateWord[s]}`).join(', ');
  return (
    <section className="flex flex-col gap-3" aria-labelledby="overview-title" data-testid="rollout-overview">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="overview-title" className="text-base font-semibold">
          Overview
        </h3>
        <Button size="sm" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)} data-testid="overview-as-table">
          {asTable ? 'Hide the table' : 'Show as table'}
        </Button>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Pods per state now">
        {STATES.map((s) => (
          <li key={s} className="inline-flex items-center gap-1.5" title={stateMeaning[s]} data-testid="state-count" data-state={s} data-count={current[s]}>
            <Swatch className={stateClass(s)} />
            {stateWord[s]} <span className="font-medium tabular-nums">{current[s]}</span>
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <Swatch className={hatchClass} />
          not seen (gap)
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-[6px] rounded-full bg-zinc-950 ring-1 ring-white dark:bg-white dark:ring-zinc-950" />
          lossy (the probe saw failed requests)
        </li>
      </ul>
      <PhaseChart
        columns={columns}
        domain={domain}
        podCount={Math.max(cells.length, models.length)}
        label={`Pods per state over time, ${clock(domain.startMs)} to ${clock(domain.endMs)} UTC; now ${nowText || 'no pods'}. The numbers are in the table (Show as table).`}
      />
      <OverviewFilters counts={counts} active={filters} onChange={onFilters} shown={shown.length} total={cells.length} />
      {shown.length > 0 ? (
        <PodGrid cells={shown} label={`Pods of ${name}, one cell each, in upgrade order`} onOpen={onOpen} />
      ) : (
        <EmptyState title="No pod matches the chosen filters" />
      )}
      <div id={tableId} hidden={!asTable}>
        {asTable && <OverviewTable now={current} ranges={seriesRanges(columns)} cells={shown} onOpen={onOpen} />}
      </div>
    </section>
  );
}
