/**
 * The visible stretch of time: everything recorded, or the upgrade window. Both end at "now" while things are
 * live, so the cursor moves across the right part of the chart instead of sitting on its edge.
 */
import type { PodModel } from './pod-model';
import type { Domain } from './time-scale';
import type { TimeWindow } from './window';

export type ZoomMode = 'window' | 'all';

function padded(startMs: number, endMs: number, share: number): Domain {
  const padMs = Math.max(1000, (endMs - startMs) * share);
  return { startMs: startMs - padMs, endMs: endMs + padMs };
}

/** Round steps for a live domain's right edge, in seconds. */
const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];

/** The smallest round step of at least a tenth of the span. */
export function stepFor(spanMs: number): number {
  const want = spanMs / 10;
  for (const s of STEPS_S) if (s * 1000 >= want) return s * 1000;
  return Math.ceil(want / 86_400_000) * 86_400_000;
}

/**
 * A domain that ends after `lastMs` (now, or the last entry) on a round step rather than at a fixed margin:
 * between two steps the bounds hold still while the cursor travels, so each tick redraws the cursor and the open
 * segments only, not every position on the chart. The step is chosen from a fixed ladder so it, too, changes only
 * now and then as the span grows.
 */
export function liveDomain(startMs: number, lastMs: number): Domain {
  const step = stepFor(Math.max(1000, lastMs - startMs));
  return { startMs: startMs - step / 4, endMs: Math.ceil((lastMs + step / 5) / step) * step };
}

export function timelineDomain(models: readonly PodModel[], win: TimeWindow | undefined, mode: ZoomMode, now: number): Domain {
  if (mode === 'window' && win) return win.open ? liveDomain(win.startMs, Math.max(now, win.endMs)) : padded(win.startMs, win.endMs, 0.06);
  const firsts = models.map((m) => m.firstMs).filter((t): t is number => t !== undefined);
  let last = now;
  for (const m of models) if (m.lastMs !== undefined && m.lastMs > last) last = m.lastMs;
  const start = firsts.length > 0 ? Math.min(...firsts) : now - 60_000;
  return liveDomain(start, last);
}
