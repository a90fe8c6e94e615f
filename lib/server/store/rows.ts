// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { parseJson } from './json';
import {
  ROLLOUT_OUTCOMES, StoreInputError, type ClusterKey, type Coverage, type GapInput, type NewRollout, type PodRef,
  type ProbePath, type RolloutOutcome, type RolloutSummary, type SampleBucket, type StartedBy,
} from './types';

/** PostgreSQL returns BIGINT and sums as strings; SQLite as numbers. */
type Num = number | string;

export interface RolloutRow {
  id: string;
  cluster_server: string;
  cluster_uid: string;
  sidecar_set: string;
  container: string;
  from_image: string;
  to_image: string;
  revision: string | null;
  started_by: string;
  started_at: Num;
  ended_at: Num | null;
  outcome: string;
  pods_total: Num;
  pods_probed: Num;
  bytes: Num;
}

export function toSummary(r: RolloutRow): RolloutSummary {
  return {
    id: r.id,
    cluster: { server: r.cluster_server, kubeSystemUid: r.cluster_uid },
    sidecarSet: r.sidecar_set,
    container: r.container,
    fromImage: r.from_image,
    toImage: r.to_image,
    ...(r.revision === null ? {} : { revision: r.revision }),
    startedBy: JSON.parse(r.started_by) as StartedBy,
    startedAt: Number(r.started_at),
    ...(r.ended_at === null ? {} : { endedAt: Number(r.ended_at) }),
    outcome: r.outcome as RolloutOutcome,
    coverage: { podsTotal: Number(r.pods_total), podsProbed: Number(r.pods_probed) },
    bytes: Number(r.bytes),
  };
}

export interface EntryRow { seq: Num; pod_namespace: string; pod_name: string; at_ms: Num; payload: string }
export interface SampleRow { pod_namespace: string; pod_name: string; bucket_ms: Num; path: string; ok_count: Num; failed_count: Num; versions: string }
export interface VerdictRow { pod_namespace: string; pod_name: string; payload: string }
export interface GapRow { gap_id: string; from_ms: Num; to_ms: Num | null; reason: string }

export const toEntry = (r: EntryRow) => ({ seq: Number(r.seq), pod: { namespace: r.pod_namespace, name: r.pod_name }, atMs: Number(r.at_ms), payload: parseJson(r.payload) });

export const toSample = (r: SampleRow): SampleBucket => ({
  pod: { namespace: r.pod_namespace, name: r.pod_name },
  bucketMs: Number(r.bucket_ms),
  path: r.path as ProbePath,
  ok: Number(r.ok_count),
  failed: Number(r.failed_count),
  versions: JSON.parse(r.versions) as string[],
});

export const toGap = (r: GapRow): GapInput => ({ id: r.gap_id, fromMs: Number(r.from_ms), toMs: r.to_ms === null ? null : Number(r.to_ms), reason: r.reason });

export const podKey = (p: PodRef): string => `${p.namespace}/${p.name}`;

// ---- input checks: refuse bad input before a transaction starts ----

function text(v: unknown, what: string, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v.length === 0)) throw new StoreInputError(`${what} must be a ${allowEmpty ? '' : 'non-empty '}string`);
  return v;
}

export function time(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new StoreInputError(`${what} must be epoch milliseconds (a non-negative integer)`);
  return v;
}

function count(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new StoreInputError(`${what} must be a non-negative integer`);
  return v;
}

export function checkCluster(c: ClusterKey): ClusterKey {
  if (typeof c !== 'object' || c === null) throw new StoreInputError('cluster must be { server, kubeSystemUid }');
  return { server: text(c.server, 'cluster.server'), kubeSystemUid: text(c.kubeSystemUid, 'cluster.kubeSystemUid') };
}

export function checkPod(p: PodRef, what: string): PodRef {
  if (typeof p !== 'object' || p === null) throw new StoreInputError(`${what} must be { namespace, name }`);
  return { namespace: text(p.namespace, `${what}.namespace`), name: text(p.name, `${what}.name`) };
}

export function checkOutcome(o: unknown): RolloutOutcome {
  if (!ROLLOUT_OUTCOMES.includes(o as RolloutOutcome)) throw new StoreInputError(`outcome must be one of ${ROLLOUT_OUTCOMES.join(', ')}`);
  return o as RolloutOutcome;
}

export function checkCoverage(c: Coverage): Coverage {
  if (typeof c !== 'object' || c === null) throw new StoreInputError('coverage must be { podsTotal, podsProbed }');
  return { podsTotal: count(c.podsTotal, 'coverage.podsTotal'), podsProbed: count(c.podsProbed, 'coverage.podsProbed') };
}

export function checkStartedBy(s: StartedBy): string {
  if (s?.kind === 'outside') return JSON.stringify({ kind: 'outside' });
  if (s?.kind === 'dashboard') return JSON.stringify({ kind: 'dashboard', user: text(s.user, 'startedBy.user', true) });
  throw new StoreInputError("startedBy must be { kind: 'dashboard', user } or { kind: 'outside' }");
}

export function checkNewRollout(r: NewRollout) {
  return {
    cluster: checkCluster(r.cluster),
    sidecarSet: text(r.sidecarSet, 'sidecarSet'),
    container: text(r.container, 'container'),
    fromImage: text(r.fromImage, 'fromImage', true),
    toImage: text(r.toImage, 'toImage'),
    revision: r.revision === undefined ? null : text(r.revision, 'revision'),
    startedBy: checkStartedBy(r.startedBy),
    startedAt: time(r.startedAt, 'startedAt'),
    endedAt: r.endedAt === undefined ? null : time(r.endedAt, 'endedAt'),
    outcome: checkOutcome(r.outcome ?? 'in-progress'),
    coverage: checkCoverage(r.coverage ?? { podsTotal: 0, podsProbed: 0 }),
  };
}

export function checkSample(s: SampleBucket, what: string): SampleBucket {
  if (s.path !== 'direct' && s.path !== 'proxy') throw new StoreInputError(`${what}.path must be 'direct' or 'proxy'`);
  if (!Array.isArray(s.versions) || s.versions.some((v) => typeof v !== 'string')) throw new StoreInputError(`${what}.versions must be strings`);
  return { pod: checkPod(s.pod, `${what}.pod`), bucketMs: time(s.bucketMs, `${what}.bucketMs`), path: s.path, ok: count(s.ok, `${what}.ok`), failed: count(s.failed, `${what}.failed`), versions: [...s.versions] };
}

export function checkGap(g: GapInput, what: string): GapInput {
  return { id: text(g.id, `${what}.id`), fromMs: time(g.fromMs, `${what}.fromMs`), toMs: g.toMs === null ? null : time(g.toMs, `${what}.toMs`), reason: text(g.reason, `${what}.reason`, true) };
}

/** Adds `versions` not yet seen, keeping first-seen order. */
export function mergeVersions(into: string[], more: readonly string[]): string[] {
  const out = [...into];
  for (const v of more) if (!out.includes(v)) out.push(v);
  return out;
}

/** Buckets for the same pod, time and path within one batch become one: one row write each. */
export function mergeBuckets(samples: readonly SampleBucket[]): SampleBucket[] {
  const byKey = new Map<string, SampleBucket>();
  for (const s of samples) {
    const key = `${podKey(s.pod)}\u0000${s.bucketMs}\u0000${s.path}`;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...s, versions: mergeVersions([], s.versions) });
    else byKey.set(key, { ...prev, ok: prev.ok + s.ok, failed: prev.failed + s.failed, versions: mergeVersions(prev.versions, s.versions) });
  }
  return [...byKey.values()];
}
