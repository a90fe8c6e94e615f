/**
 * One pod's overview state over time, as a step function, from what its swimlanes draw: the phase bands
 * (Upgrade, Migration, Reset: the recorder's phases can skip Migrating between two snapshots, the bands do not)
 * and the recorded phase for everything outside them (queued, done, failed). After the last recorded change the
 * pod's current view is the truth. Built once per pod model, so a delta about one pod rebuilds one track.
 *
 * Queued is inferred: changing the SidecarSet writes no pod, so nothing is recorded when a pod starts waiting.
 * A pod that was done between a rollout's start and its own Upgrade write was queued for it.
 */
import type { Band } from '@/components/timeline/bands';
import type { PodModel } from '@/components/timeline/pod-model';
import { stateOfPhase, type OverviewState } from './states';

export interface Step {
  atMs: number;
  /** undefined: not known (before the pod was first seen, or after it was deleted). */
  state: OverviewState | undefined;
}

/** Steps in time order; the state of a step holds until the next step. */
export type Track = readonly Step[];

const within = (b: Band, t: number) => b.startMs <= t && (b.open || t < b.endMs);

function phaseAt(m: PodModel, t: number): OverviewState | undefined {
  let found: OverviewState | undefined;
  for (const s of m.phases) {
    if (s.atMs > t) break;
    found = stateOfPhase(s.phase);
  }
  return found;
}

/** The state at `t` from the recorded data alone (before the last entry). */
export function recordedStateAt(m: PodModel, t: number): OverviewState | undefined {
  const phase = phaseAt(m, t);
  if (phase === 'failed') return 'failed';
  const bands = m.bands.filter((b) => within(b, t));
  if (bands.some((b) => b.kind === 'Reset')) return 'resetting';
  if (bands.some((b) => b.kind === 'Migration')) return 'migrating';
  if (bands.some((b) => b.kind === 'Upgrade')) return 'upgrading';
  // Outside the bands (a gap hid the write that would open one) the recorded phase says where the pod stood.
  return phase;
}

/** Upgrade bands further apart than this belong to different rollouts (as the timeline's upgrade window). */
const ROLLOUT_BREAK_MS = 60_000;

/**
 * When rollouts started: each probe run's start (the dashboard's own upgrades start one), and the first Upgrade
 * write of each burst of writes across pods (a change from kubectl or GitOps has no probe run).
 */
export function rolloutStarts(models: readonly PodModel[], probeStarts: readonly number[]): number[] {
  const ups = models.flatMap((m) => m.bands.filter((b) => b.kind === 'Upgrade')).sort((a, b) => a.startMs - b.startMs);
  const out = new Set(probeStarts);
  let end = -Infinity;
  for (const b of ups) {
    // A burst that a probe run started shortly before belongs to that run's rollout.
    const probed = probeStarts.some((p) => p <= b.startMs && b.startMs - p <= ROLLOUT_BREAK_MS);
    if (b.startMs > end + ROLLOUT_BREAK_MS && !probed) out.add(b.startMs);
    end = Math.max(end, b.open ? Infinity : b.endMs);
  }
  return [...out].sort((a, b) => a - b);
}

/** [rollout start, the pod's own write) for each of the pod's upgrades that a rollout start precedes. */
function queuedWindows(m: PodModel, starts: readonly number[]): Array<{ startMs: number; endMs: number }> {
  const ups = m.bands.filter((b) => b.kind === 'Upgrade');
  return ups.flatMap((b, i) => {
    const prevEnd = i > 0 ? (ups[i - 1] as Band).endMs : -Infinity;
    const r = starts.filter((s) => s < b.startMs && s > prevEnd).at(-1);
    return r !== undefined ? [{ startMs: r, endMs: b.startMs }] : [];
  });
}

export function buildTrack(m: PodModel, starts: readonly number[] = []): Track {
  const queued = queuedWindows(m, starts);
  const at = (t: number) => {
    const s = recordedStateAt(m, t);
    return s === 'done' && queued.some((q) => q.startMs <= t && t < q.endMs) ? 'queued' : s;
  };
  const times = new Set<number>();
  for (const q of queued) times.add(q.startMs);
  for (const s of m.phases) times.add(s.atMs);
  for (const b of m.bands) {
    times.add(b.startMs);
    if (!b.open) times.add(b.endMs);
  }
  const out: Step[] = [];
  const last = m.lastMs;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (last !== undefined && t >= last) break;
    const state = at(t);
    if (out[out.length - 1]?.state !== state) out.push({ atMs: t, state });
  }
  // From the last entry on: the current view (fresher than any entry), or nothing once the pod is gone.
  if (last !== undefined) {
    const state = m.view ? stateOfPhase(m.view.upgradePhase) : m.deleted ? undefined : at(last);
    if (out[out.length - 1]?.state !== state) out.push({ atMs: last, state });
  }
  return out;
}

/** The state at `t` (binary search). */
export function stateAt(track: Track, t: number): OverviewState | undefined {
  let lo = 0;
  let hi = track.length - 1;
  let found: OverviewState | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = track[mid] as Step;
    if (s.atMs <= t) {
      found = s.state;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
