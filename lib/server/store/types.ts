// Server-only module (reads files and databases); kept free of `import 'server-only'` so vitest and tsx can load it.
/**
 * The durable rollout store's own types. Deliberately independent of lib/sidecarset and lib/dashboard: the store
 * keeps timeline entries and verdicts as JSON payloads whose shape belongs to the caller.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Which cluster a record belongs to. The API server URL alone is not enough (two kind clusters on the same
 * port, a cluster rebuilt behind the same load balancer); the `kube-system` namespace UID changes whenever the
 * cluster is recreated. Every read and write takes one, so two clusters' rollouts never mix.
 */
export interface ClusterKey {
  server: string;
  kubeSystemUid: string;
}

export const ROLLOUT_OUTCOMES = ['in-progress', 'completed', 'paused', 'superseded', 'abandoned'] as const;
export type RolloutOutcome = (typeof ROLLOUT_OUTCOMES)[number];

export type StartedBy = { kind: 'dashboard'; user: string } | { kind: 'outside' };

/** How many of the rollout's pods the traffic probe reached. */
export interface Coverage {
  podsTotal: number;
  podsProbed: number;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export interface NewRollout {
  /** Defaults to a random UUID. */
  id?: string;
  cluster: ClusterKey;
  sidecarSet: string;
  container: string;
  fromImage: string;
  toImage: string;
  revision?: string;
  startedBy: StartedBy;
  startedAt: number;
  /** Defaults to `in-progress`. */
  outcome?: RolloutOutcome;
  endedAt?: number;
  coverage?: Coverage;
}

export interface RolloutSummary {
  id: string;
  cluster: ClusterKey;
  sidecarSet: string;
  container: string;
  fromImage: string;
  toImage: string;
  revision?: string;
  startedBy: StartedBy;
  startedAt: number;
  endedAt?: number;
  outcome: RolloutOutcome;
  coverage: Coverage;
  /** Estimated bytes this rollout's records take (what DASHBOARD_RETENTION_MB counts). */
  bytes: number;
}

/** `endedAt: null` clears it (a rollout that was paused and resumed). */
export interface RolloutPatch {
  outcome?: RolloutOutcome;
  endedAt?: number | null;
  coverage?: Coverage;
}

/**
 * A timeline entry to store. `payload` is the caller's own type (e.g. a TimelineEntry): anything that is a JSON
 * value, checked at run time, so interfaces with optional fields need no cast.
 */
export interface EntryInput {
  pod: PodRef;
  atMs: number;
  payload: unknown;
}

export interface StoredEntry {
  /** Per-rollout sequence number, assigned by the store in write order (1, 2, 3 …). */
  seq: number;
  pod: PodRef;
  atMs: number;
  /** As written, minus object fields that were undefined (JSON has none). */
  payload: JsonValue;
}

export type ProbePath = 'direct' | 'proxy';

/**
 * Probe samples aggregated per pod per time bucket. Writing a bucket that already exists adds the counts and
 * merges the versions, so a caller can flush partial buckets.
 */
export interface SampleBucket {
  pod: PodRef;
  /** Start of the bucket (epoch ms); the bucket width is the caller's. */
  bucketMs: number;
  path: ProbePath;
  ok: number;
  failed: number;
  /** Versions seen answering in this bucket, in first-seen order. */
  versions: string[];
}

export interface VerdictInput {
  pod: PodRef;
  /** Replaces the pod's previous verdict. Any JSON value, checked at run time. */
  verdict: unknown;
}

/** A stretch the dashboard could not see. Written again with the same id to close it or amend the reason. */
export interface GapInput {
  id: string;
  fromMs: number;
  toMs: number | null;
  reason: string;
}

export interface RolloutBatch {
  /**
   * Makes a retry safe: a batch whose id was already stored is skipped whole. Use it when a write failed with
   * StoreUnavailableError, where the commit may or may not have reached the database.
   */
  batchId?: string;
  entries?: EntryInput[];
  samples?: SampleBucket[];
  verdicts?: VerdictInput[];
  gaps?: GapInput[];
}

export interface AppendResult {
  /** True when `batchId` had been stored before and nothing was written. */
  duplicate: boolean;
  /** Sequence numbers given to this batch's entries (none: firstSeq > lastSeq). */
  firstSeq: number;
  lastSeq: number;
}

export interface PodRecord extends PodRef {
  entries: StoredEntry[];
  samples: SampleBucket[];
  verdict?: JsonValue;
}

export interface RolloutRecord extends RolloutSummary {
  pods: PodRecord[];
  gaps: GapInput[];
}

export interface ListQuery {
  cluster: ClusterKey;
  sidecarSet?: string;
  limit: number;
  /** Page on: the last rollout of the previous page (newest first by startedAt, then id). */
  before?: { startedAt: number; id: string };
}

export interface GetOptions {
  /** Only this pod's data (a big rollout's whole record can be many MB). */
  pod?: PodRef;
}

export interface StoreHealth {
  ok: boolean;
  /** When the current state began (epoch ms): "recording degraded since …". */
  since?: number;
  /** The last failure, while not ok. */
  error?: string;
}

export interface RetentionPolicy {
  /** Finished rollouts older than this (by end, else start) are deleted; Infinity keeps them. */
  maxAgeMs: number;
  /** Oldest finished rollouts are deleted while all rollouts' bytes exceed this; Infinity disables. */
  maxBytes: number;
}

export interface PruneResult {
  deleted: string[];
  bytesAfter: number;
}

export interface RolloutStore {
  readonly engine: 'sqlite' | 'postgres';
  health(): StoreHealth;
  createRollout(input: NewRollout): Promise<RolloutSummary>;
  updateRollout(cluster: ClusterKey, id: string, patch: RolloutPatch): Promise<RolloutSummary>;
  /** One transaction: all of the batch is stored, or none of it. */
  appendBatch(cluster: ClusterKey, rolloutId: string, batch: RolloutBatch): Promise<AppendResult>;
  listRollouts(query: ListQuery): Promise<RolloutSummary[]>;
  getRollout(cluster: ClusterKey, id: string, options?: GetOptions): Promise<RolloutRecord | undefined>;
  /** In-progress rollouts, oldest first: what a restarted dashboard resumes recording. */
  openRollouts(cluster: ClusterKey): Promise<RolloutSummary[]>;
  /** Deletes the rollout and all its rows in one transaction; false when there was none. */
  deleteRollout(cluster: ClusterKey, id: string): Promise<boolean>;
  /** Applies the retention policy across all clusters; never deletes an in-progress rollout. */
  prune(nowMs?: number): Promise<PruneResult>;
  close(): Promise<void>;
}

/** Base of the store's own errors, so callers can tell them from bugs. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * The database cannot be used right now (disk full, file locked or corrupt, server down, hung). The call's
 * transaction was rolled back, unless PostgreSQL was lost while answering its COMMIT (then it may have landed:
 * retry an appendBatch with the same batchId). The store keeps working and a later call may succeed.
 */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
  constructor(message: string, readonly code: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The database's schema is newer than this code: refuse rather than write rows an older schema misreads. */
export class StoreSchemaError extends StoreError {
  override name = 'StoreSchemaError';
}

/** The caller asked for something invalid: not JSON, unknown rollout, wrong cluster. */
export class StoreInputError extends StoreError {
  override name = 'StoreInputError';
}

export class RolloutNotFoundError extends StoreInputError {
  override name = 'RolloutNotFoundError';
}
