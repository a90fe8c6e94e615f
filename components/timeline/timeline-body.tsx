'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { Gap, ProbeRunSnapshot, ProbeVerdicts } from '@/lib/api';
import { applyFilters, formatFilters, parseFilters, type FilterId, type PodCell } from '@/components/rollout-overview/grid-model';
import { RolloutOverview } from '@/components/rollout-overview/rollout-overview';
import type { Track } from '@/components/rollout-overview/track';
import { GapList } from './gap-list';
import type { PodModel } from './pod-model';
import { RolloutVerdict } from './rollout-verdict';
import { TimelineChart } from './timeline-chart';
import { TimelineLegend } from './timeline-legend';
import type { Domain } from './time-scale';

interface Props {
  name: string;
  models: readonly PodModel[];
  tracks: readonly Track[];
  cells: readonly PodCell[];
  gaps: readonly Gap[];
  runs: readonly ProbeRunSnapshot[];
  verdicts: readonly ProbeVerdicts[];
  domain: Domain;
  now: number;
  hrefFor?: (m: PodModel) => string;
  /** The cursor's name on the time axis (a replay's is its end, not now). */
  nowLabel?: string;
}

/**
 * What the live SidecarSet page and a recorded rollout's replay both draw, from the same timeline shape: the
 * probe's verdict, the overview (chart, grid, filters) and the swimlanes the filters narrow, then the gaps.
 */
export function TimelineBody({ name, models, tracks, cells, gaps, runs, verdicts, domain, now, hrefFor, nowLabel }: Props) {
  const latest = runs.at(-1);
  const rollout = verdicts.find((v) => v.runId === latest?.id)?.rollout;
  // The filters are the URL's `?filter=failed,lossy`, so "the failed pods of mosn" is a link. replaceState changes
  // it without a navigation (no server render, the page's data stays); Next keeps useSearchParams in step with it
  // when the state passed is null (with its own state it takes the call for one of its own and ignores it).
  const params = useSearchParams();
  const filterParam = params.get('filter');
  const filters = useMemo(() => parseFilters(filterParam), [filterParam]);
  const setFilters = useCallback(
    (next: ReadonlySet<FilterId>) => {
      const q = new URLSearchParams(params.toString());
      const text = formatFilters(next);
      if (text) q.set('filter', text);
      else q.delete('filter');
      const qs = q.toString();
      window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`);
    },
    [params],
  );
  const [jumpTo, setJumpTo] = useState<{ key: string } | undefined>(undefined);
  const shown = useMemo(() => applyFilters(cells, filters), [cells, filters]);
  // Stable, so the grid (memoised) skips the cursor's ticks.
  const onOpen = useCallback((key: string) => setJumpTo({ key }), []);
  // The filters narrow the swimlanes too; a deleted pod (no cell) shows only while no filter is chosen.
  const shownModels = useMemo(() => {
    if (filters.size === 0) return models;
    const keys = new Set(shown.map((c) => c.key));
    return models.filter((m) => keys.has(m.key));
  }, [models, shown, filters]);
  return (
    <>
      <RolloutVerdict run={latest} verdict={rollout} earlier={Math.max(0, runs.length - 1)} scope="rollout" gaps={gaps} />
      <RolloutOverview
        name={name}
        models={models}
        tracks={tracks}
        cells={cells}
        shown={shown}
        filters={filters}
        onFilters={setFilters}
        domain={domain}
        now={now}
        gaps={gaps}
        onOpen={onOpen}
      />
      <TimelineLegend />
      <TimelineChart
        models={shownModels}
        domain={domain}
        now={now}
        gaps={gaps}
        label={`Timelines of the ${shownModels.length} pods of ${name}${filters.size > 0 ? ' the filters leave' : ''}`}
        hrefFor={hrefFor}
        jumpTo={jumpTo}
        nowLabel={nowLabel}
      />
      <GapList gaps={gaps} now={now} />
    </>
  );
}
