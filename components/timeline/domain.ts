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

export function timelineDomain(models: readonly PodModel[], win: TimeWindow | undefined, mode: ZoomMode, now: number): Domain {
  if (mode === 'window' && win) return padded(win.startMs, win.open ? Math.max(now, win.endMs) : win.endMs, 0.06);
  const firsts = models.map((m) => m.firstMs).filter((t): t is number => t !== undefined);
  const lasts = models.map((m) => m.lastMs).filter((t): t is number => t !== undefined);
  const start = firsts.length > 0 ? Math.min(...firsts) : now - 60_000;
  return padded(start, Math.max(now, ...lasts), 0.02);
}
