// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { Migration } from './index';

/**
 * The first schema. Times are epoch milliseconds; payloads are JSON text the store validated (identical on both
 * engines, and JSON text keeps a payload exactly as written). Every table leads with rollout_id so deleting a
 * rollout, or reading one pod of it, uses the primary key.
 */
function tables(int: 'INTEGER' | 'BIGINT', id: string): string {
  return `
CREATE TABLE rollouts (
  id ${id} PRIMARY KEY,
  cluster_server TEXT NOT NULL,
  cluster_uid TEXT NOT NULL,
  sidecar_set TEXT NOT NULL,
  container TEXT NOT NULL,
  from_image TEXT NOT NULL,
  to_image TEXT NOT NULL,
  revision TEXT,
  started_by TEXT NOT NULL,
  started_at ${int} NOT NULL,
  ended_at ${int},
  outcome TEXT NOT NULL CHECK (outcome IN ('in-progress', 'completed', 'paused', 'superseded', 'abandoned')),
  pods_total INTEGER NOT NULL DEFAULT 0,
  pods_probed INTEGER NOT NULL DEFAULT 0,
  next_seq ${int} NOT NULL DEFAULT 1,
  bytes ${int} NOT NULL DEFAULT 0
);
CREATE INDEX rollouts_by_cluster ON rollouts (cluster_server, cluster_uid, started_at, id);
CREATE INDEX rollouts_by_sidecarset ON rollouts (cluster_server, cluster_uid, sidecar_set, started_at, id);
CREATE INDEX rollouts_by_outcome ON rollouts (outcome, started_at);

CREATE TABLE rollout_pods (
  rollout_id ${id} NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (rollout_id, namespace, name)
);

CREATE TABLE rollout_entries (
  rollout_id ${id} NOT NULL,
  seq ${int} NOT NULL,
  pod_namespace TEXT NOT NULL,
  pod_name TEXT NOT NULL,
  at_ms ${int} NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (rollout_id, seq)
);
CREATE INDEX rollout_entries_by_pod ON rollout_entries (rollout_id, pod_namespace, pod_name, at_ms);

CREATE TABLE rollout_samples (
  rollout_id ${id} NOT NULL,
  pod_namespace TEXT NOT NULL,
  pod_name TEXT NOT NULL,
  bucket_ms ${int} NOT NULL,
  path TEXT NOT NULL CHECK (path IN ('direct', 'proxy')),
  ok_count INTEGER NOT NULL,
  failed_count INTEGER NOT NULL,
  versions TEXT NOT NULL,
  PRIMARY KEY (rollout_id, pod_namespace, pod_name, bucket_ms, path)
);

CREATE TABLE rollout_verdicts (
  rollout_id ${id} NOT NULL,
  pod_namespace TEXT NOT NULL,
  pod_name TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (rollout_id, pod_namespace, pod_name)
);

CREATE TABLE rollout_gaps (
  rollout_id ${id} NOT NULL,
  gap_id TEXT NOT NULL,
  from_ms ${int} NOT NULL,
  to_ms ${int},
  reason TEXT NOT NULL,
  PRIMARY KEY (rollout_id, gap_id)
);

-- Batch ids already applied: a retried appendBatch is skipped whole instead of stored twice.
CREATE TABLE rollout_batches (
  rollout_id ${id} NOT NULL,
  batch_id TEXT NOT NULL,
  PRIMARY KEY (rollout_id, batch_id)
);
`;
}

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sqlite: tables('INTEGER', 'TEXT'),
  // Byte order for ids, as SQLite compares them: paging by (started_at, id) then agrees on both engines.
  postgres: tables('BIGINT', 'TEXT COLLATE "C"'),
};
