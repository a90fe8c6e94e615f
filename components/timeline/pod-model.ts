/**
 * Everything one pod's swimlanes draw, computed once per change of its data (not per clock tick): lanes,
 * phase bands, the probe lane and the verdict. Positions are computed later, against the shared domain.
 */
import type { ProbeRunSnapshot, TimelineSnapshot } from '@/lib/api';
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { ProbeSample, Verdict } from '@/lib/sidecarset/verdict';
import { worstPhase, type PodView, type SidecarContainerSummary, type SidecarPhase } from '@/lib/sidecarset/views';
import { phaseBands, type Band } from './bands';
import { containersOf } from './containers';
import { buildLane, type EventDot, type Lane } from './lanes';
import { probeLane, type ProbeLaneModel } from './probe';
import { servingSlotAt } from './serving';

export interface PodModel {
  key: string;
  namespace: string;
  name: string;
  deleted: boolean;
  truncated: number;
  view?: PodView;
  lanes: Lane[];
  bands: Band[];
  /** Pod-level events (no container), drawn in the phase lane. */
  podEvents: EventDot[];
  probe?: ProbeLaneModel & { port: number; path: string };
  /** Verdict of the latest probe run that covered this pod. */
  verdict?: Verdict;
  /** resourceVersion of the latest pod write on the timeline (benchmark hook: `data-rv`). */
  rv?: string;
  firstMs?: number;
  lastMs?: number;
  /** Start of the pod's latest upgrade: rows sort by it so a rolling upgrade reads top to bottom. */
  upgradeStartMs?: number;
  /** The pod's recorded phase (worst of its sidecars') from each change on: what the overview counts over time. */
  phases: PhaseStep[];
}

export interface PhaseStep {
  atMs: number;
  phase: SidecarPhase;
}

/**
 * The pod-level phase as it changed, from the recorder's per-sidecar `phase` entries rolled up as the pod view
 * does (worst first). A first entry that knows its `from` says what held from the first entry seen until then.
 */
export function phaseSteps(entries: readonly TimelineEntry[]): PhaseStep[] {
  const current = new Map<string, SidecarPhase>();
  const out: PhaseStep[] = [];
  const firstMs = entries[0]?.atMs;
  for (const e of entries) {
    if (e.kind !== 'phase') continue;
    if (out.length === 0 && e.from !== undefined && firstMs !== undefined && firstMs < e.atMs) out.push({ atMs: firstMs, phase: e.from });
    current.set(e.sidecar, e.to);
    const phase = worstPhase([...current.values()]);
    const last = out[out.length - 1];
    if (last?.atMs === e.atMs) last.phase = phase;
    else if (last?.phase !== phase) out.push({ atMs: e.atMs, phase });
  }
  return out;
}

export function lastResourceVersion(entries: readonly TimelineEntry[]): string | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const rv = entries[i]?.resourceVersion;
    if (rv !== undefined) return rv;
  }
  return undefined;
}

function probeFor(key: string, runs: readonly ProbeRunSnapshot[]) {
  const mine = runs.flatMap((r) => r.pods.filter((p) => `${p.namespace}/${p.name}` === key).map((p) => ({ run: r, pod: p })));
  const latest = mine[mine.length - 1];
  if (!latest) return {};
  const samples: ProbeSample[] = mine.flatMap((m) => m.pod.samples);
  return {
    probe: { ...probeLane(samples, latest.run.intervalMs), port: latest.run.port, path: latest.run.path },
    verdict: latest.pod.verdict,
  };
}

export function buildPodModel(
  snapshot: TimelineSnapshot,
  view: PodView | undefined,
  sidecars: readonly SidecarContainerSummary[],
  runs: readonly ProbeRunSnapshot[],
): PodModel {
  const entries = snapshot.entries;
  // Open segments and bands end "now", which the row supplies when it draws; until then, at the last entry.
  const nowMs = entries[entries.length - 1]?.atMs ?? 0;
  const key = `${snapshot.namespace}/${snapshot.name}`;
  const containers = containersOf(sidecars, view, entries);
  const serving = new Map(sidecars.map((s) => [s.name, servingSlotAt(entries, s.name, view)]));
  const lanes = containers.map((c) => buildLane(c, entries, view, (t) => (c.sidecar ? serving.get(c.sidecar)?.(t) === c.name : false), nowMs));
  const bands = phaseBands(entries, containers, nowMs);
  const podEvents: EventDot[] = entries
    .filter((e): e is Extract<TimelineEntry, { kind: 'event' }> => e.kind === 'event' && e.container === undefined)
    .map((e) => ({ atMs: e.atMs, reason: e.reason, text: e.text, severity: e.severity }));
  return {
    key,
    namespace: snapshot.namespace,
    name: snapshot.name,
    deleted: snapshot.deleted,
    truncated: snapshot.truncated,
    view,
    lanes,
    bands,
    podEvents,
    ...probeFor(key, runs),
    rv: lastResourceVersion(entries),
    firstMs: entries[0]?.atMs,
    lastMs: entries[entries.length - 1]?.atMs,
    upgradeStartMs: bands.filter((b) => b.kind === 'Upgrade').at(-1)?.startMs,
    phases: phaseSteps(entries),
  };
}

/** Rows in upgrade order (the staircase of a rolling upgrade), never-upgraded pods last, then by name. */
export function byUpgradeOrder(a: PodModel, b: PodModel): number {
  const x = a.upgradeStartMs ?? Infinity;
  const y = b.upgradeStartMs ?? Infinity;
  if (x !== y) return x - y;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
