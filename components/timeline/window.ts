/**
 * The upgrade window: the latest rollout, as the union of the pods' Upgrade bands that follow one another
 * (a rolling upgrade starts the next pod seconds after the previous one is done) and the latest probe run.
 */
import type { Band } from './bands';

export interface TimeWindow {
  startMs: number;
  endMs: number;
  open: boolean;
}

/** Upgrade bands further apart than this belong to different rollouts. */
const ROLLOUT_BREAK_MS = 60_000;

export function upgradeWindow(bands: readonly Band[], probe?: { startedAt: number; endedAt?: number }, nowMs = Date.now()): TimeWindow | undefined {
  let ups = bands.filter((b) => b.kind === 'Upgrade').sort((a, b) => a.startMs - b.startMs);
  // With a probe run, upgrades that were over before it started belong to an earlier rollout, however close.
  if (probe) ups = ups.filter((b) => b.open || b.endMs >= probe.startedAt - 1000);
  let win: TimeWindow | undefined;
  for (const b of ups) {
    if (win && b.startMs <= win.endMs + ROLLOUT_BREAK_MS) {
      win = { startMs: win.startMs, endMs: Math.max(win.endMs, b.endMs), open: win.open || b.open };
    } else {
      win = { startMs: b.startMs, endMs: b.endMs, open: b.open };
    }
  }
  if (probe) {
    const end = probe.endedAt ?? nowMs;
    const overlaps = win && probe.startedAt <= win.endMs + ROLLOUT_BREAK_MS && end >= win.startMs - ROLLOUT_BREAK_MS;
    if (!win || (!overlaps && probe.startedAt > win.endMs)) win = { startMs: probe.startedAt, endMs: end, open: probe.endedAt === undefined };
    else if (overlaps) win = { startMs: Math.min(win.startMs, probe.startedAt), endMs: Math.max(win.endMs, end), open: win.open || probe.endedAt === undefined };
  }
  return win;
}
