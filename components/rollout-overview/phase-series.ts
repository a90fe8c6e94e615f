/**
 * Phase counts over time: the domain cut into equal columns, each counting how many pods were in each state at
 * the column's end (the last column's end is "now" when now is in view). A column that touches a gap in the
 * record is a gap: nothing was seen there, so it has no counts (drawn hatched), never a value carried across.
 */
import type { Interval } from '@/components/timeline/gaps';
import type { Domain } from '@/components/timeline/time-scale';
import { STATES, type OverviewState } from './states';
import { stateAt, type Track } from './track';

export type Counts = Record<OverviewState, number>;

export interface Column {
  startMs: number;
  endMs: number;
  /** When the counts were taken. */
  atMs: number;
  /** undefined inside a gap and after now. */
  counts?: Counts;
  total: number;
  gap: boolean;
}

export const emptyCounts = (): Counts => ({ done: 0, resetting: 0, migrating: 0, upgrading: 0, queued: 0, failed: 0, other: 0 });

export function countAt(tracks: readonly Track[], t: number): Counts {
  const c = emptyCounts();
  for (const tr of tracks) {
    const s = stateAt(tr, t);
    if (s !== undefined) c[s]++;
  }
  return c;
}

export function phaseSeries(tracks: readonly Track[], domain: Domain, gaps: readonly Interval[], nowMs: number, columns = 120): Column[] {
  const span = domain.endMs - domain.startMs;
  if (span <= 0 || columns <= 0) return [];
  const out: Column[] = [];
  for (let i = 0; i < columns; i++) {
    const startMs = domain.startMs + (span * i) / columns;
    const endMs = domain.startMs + (span * (i + 1)) / columns;
    // The future is not known either: columns after now are left empty.
    const atMs = Math.min(endMs, nowMs);
    const inGap = gaps.some((g) => g.startMs < endMs && g.endMs > startMs);
    if (inGap || startMs > nowMs) {
      out.push({ startMs, endMs, atMs, total: 0, gap: inGap });
      continue;
    }
    const counts = countAt(tracks, atMs);
    out.push({ startMs, endMs, atMs, counts, total: STATES.reduce((n, s) => n + counts[s], 0), gap: false });
  }
  return out;
}

export interface SeriesRange {
  startMs: number;
  endMs: number;
  counts?: Counts;
  gap: boolean;
}

/** Consecutive columns with the same counts (or the same gap) merged: the chart's table equivalent. */
export function seriesRanges(cols: readonly Column[]): SeriesRange[] {
  const out: SeriesRange[] = [];
  const same = (a?: Counts, b?: Counts) => (a === undefined || b === undefined ? a === b : STATES.every((s) => a[s] === b[s]));
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && last.gap === c.gap && same(last.counts, c.counts)) last.endMs = c.endMs;
    else out.push({ startMs: c.startMs, endMs: c.endMs, counts: c.counts, gap: c.gap });
  }
  return out;
}
