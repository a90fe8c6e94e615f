/**
 * Pure merges of pushed timeline deltas (new entries, new probe samples, gap updates) into cached timeline
 * responses. A delta that arrived while a fetch was in flight is replayed on top of the fetched value, so every
 * merge must be idempotent: entries are de-duplicated by id, samples by (pod, request time).
 */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import { rolloutVerdict, type ProbeSample } from '@/lib/sidecarset/verdict';
import type { Gap, ProbeEvent, ProbeRunSnapshot, ProbeVerdicts, TimelineEvent, TimelineSnapshot } from '@/lib/api';

/** The recorder's per-pod cap: a tab left open for days must not grow without bound either. */
export const CLIENT_ENTRY_CAP = 2000;

const podRef = (p: { namespace: string; name: string }): string => `${p.namespace}/${p.name}`;

/** Add entries to a time-ordered list: skip known ids, keep arrival order among equal times (as the server does). */
export function mergeEntries(existing: readonly TimelineEntry[], added: readonly TimelineEntry[], cap = CLIENT_ENTRY_CAP): { entries: TimelineEntry[]; dropped: number } {
  const ids = new Set(existing.map((e) => e.id));
  const fresh = added.filter((e) => !ids.has(e.id) && (ids.add(e.id), true));
  if (fresh.length === 0) return { entries: existing as TimelineEntry[], dropped: 0 };
  const entries = [...existing];
  for (const e of fresh) {
    const last = entries[entries.length - 1];
    if (!last || last.atMs <= e.atMs) entries.push(e);
    else {
      let i = entries.length;
      while (i > 0 && (entries[i - 1] as TimelineEntry).atMs > e.atMs) i--;
      entries.splice(i, 0, e);
    }
  }
  const dropped = Math.max(0, entries.length - cap);
  return { entries: dropped > 0 ? entries.slice(dropped) : entries, dropped };
}

/**
 * Apply `timeline` events to a list of pod snapshots. A pod not yet in the list (created during the rollout)
 * joins it; `sidecarSet` names the SidecarSet it is listed under.
 */
export function applyTimelineEvents(pods: readonly TimelineSnapshot[], events: readonly TimelineEvent[], sidecarSet: string): TimelineSnapshot[] {
  if (events.length === 0) return pods as TimelineSnapshot[];
  const byRef = new Map(pods.map((p) => [podRef(p), p]));
  let changed = false;
  for (const ev of events) {
    const key = podRef(ev);
    const current = byRef.get(key);
    // A new uid under the same name is a re-created pod: its history starts over.
    const base: TimelineSnapshot = current && current.uid === ev.uid
      ? current
      : { namespace: ev.namespace, name: ev.name, uid: ev.uid, sidecarSets: [sidecarSet], deleted: false, truncated: 0, entries: [] };
    const { entries, dropped } = mergeEntries(base.entries, ev.entries);
    if (entries === base.entries && base === current) continue;
    byRef.set(key, { ...base, entries, truncated: base.truncated + dropped });
    changed = true;
  }
  return changed ? [...byRef.values()] : (pods as TimelineSnapshot[]);
}

function mergeSamples(existing: readonly ProbeSample[], fresh: readonly ProbeSample[]): ProbeSample[] {
  if (fresh.length === 0) return existing as ProbeSample[];
  // One pod's requests are sequential, at least an interval apart: the request time identifies a sample.
  const seen = new Set(existing.map((s) => s.atMs));
  const add = fresh.filter((s) => !seen.has(s.atMs));
  if (add.length === 0) return existing as ProbeSample[];
  return [...existing, ...add].sort((a, b) => a.atMs - b.atMs);
}

/**
 * Apply `probe` events: the run's metadata and per-pod verdicts are replaced, its samples accumulate. With
 * `onlyPod` ("namespace/name") the run is narrowed to that pod, as the pod timeline API does.
 */
export function applyProbeEvents(runs: readonly ProbeRunSnapshot[], events: readonly ProbeEvent[], onlyPod?: string): ProbeRunSnapshot[] {
  if (events.length === 0) return runs as ProbeRunSnapshot[];
  const byId = new Map(runs.map((r) => [r.id, r]));
  for (const { run, fresh } of events) {
    const previous = byId.get(run.id);
    const freshByPod = new Map<string, ProbeSample[]>();
    for (const f of fresh) freshByPod.set(f.pod, [...(freshByPod.get(f.pod) ?? []), f.sample]);
    const pods = run.pods
      .filter((p) => onlyPod === undefined || podRef(p) === onlyPod)
      .map((p) => {
        const before = previous?.pods.find((q) => podRef(q) === podRef(p))?.samples ?? [];
        return { ...p, samples: mergeSamples(before, freshByPod.get(podRef(p)) ?? []) };
      });
    if (onlyPod !== undefined && pods.length === 0) continue;
    byId.set(run.id, { ...run, pods });
  }
  return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt);
}

/** The same verdicts the server computes (verdict.ts), from the samples the page holds. */
export function verdictsOf(run: ProbeRunSnapshot): ProbeVerdicts {
  const byPod = Object.fromEntries(run.pods.map((p) => [podRef(p), p.samples]));
  const { perPod, rollout } = rolloutVerdict(byPod);
  return { runId: run.id, perPod, rollout, perPodText: Object.fromEntries(Object.entries(perPod).map(([k, v]) => [k, v.text])) };
}

/** Gaps are published when they open and again when they close: the latest word on an id wins. */
export function upsertGaps(gaps: readonly Gap[], updates: readonly Gap[]): Gap[] {
  if (updates.length === 0) return gaps as Gap[];
  const byId = new Map(gaps.map((g) => [g.id, g]));
  for (const g of updates) byId.set(g.id, g);
  return [...byId.values()].sort((a, b) => a.startMs - b.startMs);
}
