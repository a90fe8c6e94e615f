/**
 * The shared time axis: a domain in server epoch ms, positions as percentages of it (so rows need no width
 * measurement), "nice" tick steps, and UTC clock labels (verdicts are UTC too: times compare across machines).
 */
export interface Domain {
  startMs: number;
  endMs: number;
}

/** Position of `t` in the domain, 0..100, clamped. */
export function pct(d: Domain, t: number): number {
  const span = d.endMs - d.startMs;
  if (span <= 0) return 0;
  return Math.min(100, Math.max(0, ((t - d.startMs) / span) * 100));
}

/** Does [start, end] show in the domain at all? */
export function intersects(d: Domain, startMs: number, endMs: number): boolean {
  return endMs >= d.startMs && startMs <= d.endMs;
}

const STEPS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Tick times: the smallest nice step giving at most `max` ticks, aligned to multiples of the step. */
export function ticks(d: Domain, max = 8): { step: number; at: number[] } {
  const span = Math.max(1, d.endMs - d.startMs);
  const step = STEPS.find((s) => span / s <= max) ?? Math.ceil(span / max / 86_400_000) * 86_400_000;
  const at: number[] = [];
  for (let t = Math.ceil(d.startMs / step) * step; t <= d.endMs; t += step) at.push(t);
  return { step, at };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `HH:MM:SS` UTC, with `.mmm` when asked (tooltips) or when the tick step is below a second. */
export function clock(ms: number, withMs = false): string {
  const d = new Date(ms);
  const base = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withMs ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

/** Short human duration: `740 ms`, `3.2 s`, `2m 05s`, `1h 04m`. */
export function duration(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  if (v < 1000) return `${v} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(v < 10_000 ? 1 : 0)} s`;
  const s = Math.floor(v / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor(s / 60) % 60)}m`;
}

/** "12:01:03.120 – 12:01:05.000 (1.9 s)", or "since 12:01:03.120 (open)". */
export function span(startMs: number, endMs: number, open: boolean): string {
  if (open) return `since ${clock(startMs, true)} UTC (${duration(endMs - startMs)} so far)`;
  return `${clock(startMs, true)} – ${clock(endMs, true)} UTC (${duration(endMs - startMs)})`;
}
