/**
 * Gaps cut the lanes: inside a gap the dashboard saw nothing, so no segment may run through it as if the
 * state had held. Segments are split around gaps; what changed inside shows up at the gap's end, as the net
 * result the resumed watch (or relist) reported.
 */
import type { Gap } from '@/lib/api';

export interface Interval {
  startMs: number;
  endMs: number;
}

/** Closed intervals of the gaps, an open gap lasting until `nowMs`. */
export function gapIntervals(gaps: readonly Gap[], nowMs: number): Interval[] {
  return gaps.map((g) => ({ startMs: g.startMs, endMs: g.endMs ?? nowMs })).filter((g) => g.endMs > g.startMs).sort((a, b) => a.startMs - b.startMs);
}

/** The parts of `item` outside every gap; each part keeps the item's other fields. */
export function outsideGaps<T extends Interval>(item: T, gaps: readonly Interval[]): T[] {
  let pieces: T[] = [item];
  for (const g of gaps) {
    if (g.endMs <= item.startMs || g.startMs >= item.endMs) continue;
    pieces = pieces.flatMap((p) => {
      if (g.endMs <= p.startMs || g.startMs >= p.endMs) return [p];
      const out: T[] = [];
      if (g.startMs > p.startMs) out.push({ ...p, endMs: g.startMs });
      if (g.endMs < p.endMs) out.push({ ...p, startMs: g.endMs });
      return out;
    });
  }
  return pieces;
}
