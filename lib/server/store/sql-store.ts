// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { randomUUID } from 'node:crypto';
import type { Driver, Param, Queryable } from './driver';
import { HealthTracker } from './health';
import { prepareBatch, writeBatch } from './batch';
import { ROW_OVERHEAD_BYTES } from './json';
import { migrate } from './migrate';
import { readRollout } from './read';
import { checkCluster, checkCoverage, checkNewRollout, checkOutcome, checkPod, time, toSummary, type RolloutRow } from './rows';
import {
  RolloutNotFoundError, StoreError, StoreInputError, StoreSchemaError, StoreUnavailableError, type AppendResult,
  type ClusterKey, type GetOptions, type ListQuery, type NewRollout, type PruneResult, type RetentionPolicy,
  type RolloutBatch, type RolloutPatch, type RolloutRecord, type RolloutStore, type RolloutSummary, type StoreHealth,
} from './types';

const CHILD_TABLES = ['rollout_entries', 'rollout_samples', 'rollout_verdicts', 'rollout_gaps', 'rollout_pods', 'rollout_batches'];
const MAX_LIST = 1000;

/** Thrown inside appendBatch's transaction to roll it back when the batch id was stored before. */
class DuplicateBatch extends Error {}

const WHERE_ROLLOUT = 'id = ? AND cluster_server = ? AND cluster_uid = ?';

/** The store on either engine: the same SQL, transactions and health bookkeeping; the Driver holds the differences. */
export class SqlStore implements RolloutStore {
  readonly engine: 'sqlite' | 'postgres';
  private readonly tracker = new HealthTracker();
  private migrated = false;
  private migrating: Promise<unknown> | undefined;
  private pruneTimer: ReturnType<typeof setInterval> | undefined;
  /** What kind of call the current degradation came from (see op). */
  private failedOn: 'read' | 'write' | undefined;

  constructor(private readonly driver: Driver, private readonly retention: RetentionPolicy) {
    this.engine = driver.engine;
  }

  health(): StoreHealth {
    return this.tracker.get();
  }

  /** For the driver's background news (an idle PostgreSQL connection broke). */
  noteUnavailable(e: StoreUnavailableError): void {
    this.fail('read', e.message);
  }

  /** Migrates on first use, and again after a failed attempt: a database that was down at start is picked up later. */
  async init(): Promise<void> {
    await this.op('read', async () => undefined);
  }

  private async ready(): Promise<void> {
    if (this.migrated) return;
    this.migrating ??= migrate(this.driver).finally(() => (this.migrating = undefined));
    await this.migrating;
    this.migrated = true;
  }

  /**
   * Runs one store call, keeping health() current. A read that succeeds does not clear a write's failure: with
   * the disk full, reads still work but recording does not.
   */
  private async op<T>(kind: 'read' | 'write', fn: () => Promise<T>): Promise<T> {
    try {
      await this.ready();
      const result = await fn();
      if (kind === 'write' || this.failedOn !== 'write') {
        this.tracker.succeed();
        this.failedOn = undefined;
      }
      return result;
    } catch (e) {
      if (e instanceof StoreSchemaError) {
        this.fail(kind, e.message);
        throw e;
      }
      if (e instanceof StoreError && !(e instanceof StoreUnavailableError)) throw e;
      const unavailable = this.driver.toUnavailable(e);
      if (!unavailable) throw e;
      this.fail(kind, unavailable.message);
      throw unavailable;
    }
  }

  private fail(kind: 'read' | 'write', message: string): void {
    this.tracker.fail(message);
    if (this.failedOn !== 'write') this.failedOn = kind;
  }

  private async lockRollout(q: Queryable, cluster: ClusterKey, id: string, addSeq = 0): Promise<number> {
    // The UPDATE takes the rollout's row lock (PostgreSQL): batches for one rollout apply one at a time.
    const rows = await q.all<{ next_seq: number | string }>(
      `UPDATE rollouts SET next_seq = next_seq + ? WHERE ${WHERE_ROLLOUT} RETURNING next_seq`,
      [addSeq, id, cluster.server, cluster.kubeSystemUid],
    );
    const row = rows[0];
    if (!row) throw new RolloutNotFoundError(`no rollout ${id} in cluster ${cluster.server}`);
    return Number(row.next_seq) - addSeq;
  }

  private async summary(q: Queryable, cluster: ClusterKey, id: string): Promise<RolloutSummary | undefined> {
    const rows = await q.all<RolloutRow>(`SELECT * FROM rollouts WHERE ${WHERE_ROLLOUT}`, [id, cluster.server, cluster.kubeSystemUid]);
    return rows[0] && toSummary(rows[0]);
  }

  async createRollout(input: NewRollout): Promise<RolloutSummary> {
    const r = checkNewRollout(input);
    const id = input.id ?? randomUUID();
    if (typeof id !== 'string' || id.length === 0) throw new StoreInputError('id must be a non-empty string');
    return this.op('write', () =>
      this.driver.transaction(async (q) => {
        if ((await q.all('SELECT 1 AS x FROM rollouts WHERE id = ?', [id])).length > 0) throw new StoreInputError(`rollout ${id} already exists`);
        await q.run(
          `INSERT INTO rollouts (id, cluster_server, cluster_uid, sidecar_set, container, from_image, to_image, revision, started_by,
             started_at, ended_at, outcome, pods_total, pods_probed, next_seq, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
          [id, r.cluster.server, r.cluster.kubeSystemUid, r.sidecarSet, r.container, r.fromImage, r.toImage, r.revision, r.startedBy,
            r.startedAt, r.endedAt, r.outcome, r.coverage.podsTotal, r.coverage.podsProbed, ROW_OVERHEAD_BYTES],
        );
        return (await this.summary(q, r.cluster, id)) as RolloutSummary;
      }),
    );
  }

  async updateRollout(cluster: ClusterKey, id: string, patch: RolloutPatch): Promise<RolloutSummary> {
    const c = checkCluster(cluster);
    const sets: string[] = [];
    const params: Param[] = [];
    const set = (sql: string, ...values: Param[]) => {
      sets.push(sql);
      params.push(...values);
    };
    if (patch.outcome !== undefined) set('outcome = ?', checkOutcome(patch.outcome));
    if (patch.endedAt !== undefined) set('ended_at = ?', patch.endedAt === null ? null : time(patch.endedAt, 'endedAt'));
    if (patch.coverage !== undefined) {
      const cov = checkCoverage(patch.coverage);
      set('pods_total = ?, pods_probed = ?', cov.podsTotal, cov.podsProbed);
    }
    return this.op('write', () =>
      this.driver.transaction(async (q) => {
        await this.lockRollout(q, c, id);
        if (sets.length > 0) await q.run(`UPDATE rollouts SET ${sets.join(', ')} WHERE ${WHERE_ROLLOUT}`, [...params, id, c.server, c.kubeSystemUid]);
        return (await this.summary(q, c, id)) as RolloutSummary;
      }),
    );
  }

  async appendBatch(cluster: ClusterKey, rolloutId: string, batch: RolloutBatch): Promise<AppendResult> {
    const c = checkCluster(cluster);
    // Checked and serialised before the transaction: a bad item refuses the whole batch, writing nothing.
    const prepared = prepareBatch(batch);
    try {
      return await this.op('write', () =>
        this.driver.transaction(async (q) => {
          const firstSeq = await this.lockRollout(q, c, rolloutId, prepared.entries.length);
          if (prepared.batchId !== undefined) {
            const fresh = await q.run('INSERT INTO rollout_batches (rollout_id, batch_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [rolloutId, prepared.batchId]);
            if (fresh === 0) throw new DuplicateBatch();
          }
          const bytes = await writeBatch(q, rolloutId, firstSeq, prepared);
          if (bytes !== 0) await q.run('UPDATE rollouts SET bytes = bytes + ? WHERE id = ?', [bytes, rolloutId]);
          return { duplicate: false, firstSeq, lastSeq: firstSeq + prepared.entries.length - 1 };
        }),
      );
    } catch (e) {
      if (e instanceof DuplicateBatch) return { duplicate: true, firstSeq: 0, lastSeq: -1 };
      throw e;
    }
  }

  async listRollouts(query: ListQuery): Promise<RolloutSummary[]> {
    const c = checkCluster(query.cluster);
    const limit = Math.max(1, Math.min(MAX_LIST, Math.floor(Number(query.limit) || 0)));
    const where = ['cluster_server = ?', 'cluster_uid = ?'];
    const params: Param[] = [c.server, c.kubeSystemUid];
    if (query.sidecarSet !== undefined) {
      where.push('sidecar_set = ?');
      params.push(query.sidecarSet);
    }
    if (query.before) {
      where.push('(started_at < ? OR (started_at = ? AND id < ?))');
      params.push(time(query.before.startedAt, 'before.startedAt'), query.before.startedAt, query.before.id);
    }
    return this.op('read', () =>
      this.driver.read(async (q) =>
        (await q.all<RolloutRow>(`SELECT * FROM rollouts WHERE ${where.join(' AND ')} ORDER BY started_at DESC, id DESC LIMIT ?`, [...params, limit])).map(toSummary),
      ),
    );
  }

  async getRollout(cluster: ClusterKey, id: string, options: GetOptions = {}): Promise<RolloutRecord | undefined> {
    const c = checkCluster(cluster);
    const pod = options.pod && checkPod(options.pod, 'pod');
    return this.op('read', () => this.driver.read(async (q) => {
      const summary = await this.summary(q, c, id);
      return summary && readRollout(q, summary, pod);
    }));
  }

  async openRollouts(cluster: ClusterKey): Promise<RolloutSummary[]> {
    const c = checkCluster(cluster);
    return this.op('read', () =>
      this.driver.read(async (q) =>
        (await q.all<RolloutRow>("SELECT * FROM rollouts WHERE cluster_server = ? AND cluster_uid = ? AND outcome = 'in-progress' ORDER BY started_at, id", [c.server, c.kubeSystemUid])).map(toSummary),
      ),
    );
  }

  async deleteRollout(cluster: ClusterKey, id: string): Promise<boolean> {
    const c = checkCluster(cluster);
    return this.op('write', () =>
      this.driver.transaction(async (q) => {
        if (!(await this.summary(q, c, id))) return false;
        await this.deleteRows(q, id);
        return true;
      }),
    );
  }

  private async deleteRows(q: Queryable, id: string): Promise<void> {
    for (const table of CHILD_TABLES) await q.run(`DELETE FROM ${table} WHERE rollout_id = ?`, [id]);
    await q.run('DELETE FROM rollouts WHERE id = ?', [id]);
  }

  /** Deletes `id` unless it became in-progress meanwhile (a paused rollout resumed); its own transaction. */
  private async deleteFinished(id: string): Promise<boolean> {
    return this.driver.transaction(async (q) => {
      const changed = await q.run("UPDATE rollouts SET next_seq = next_seq WHERE id = ? AND outcome <> 'in-progress'", [id]);
      if (changed === 0) return false;
      await this.deleteRows(q, id);
      return true;
    });
  }

  async prune(nowMs = Date.now()): Promise<PruneResult> {
    const { maxAgeMs, maxBytes } = this.retention;
    return this.op('write', async () => {
      const deleted: string[] = [];
      if (Number.isFinite(maxAgeMs)) {
        const old = await this.driver.read((q) =>
          q.all<{ id: string }>("SELECT id FROM rollouts WHERE outcome <> 'in-progress' AND coalesce(ended_at, started_at) < ? ORDER BY started_at, id", [Math.max(0, nowMs - maxAgeMs)]),
        );
        for (const { id } of old) if (await this.deleteFinished(id)) deleted.push(id);
      }
      const total = async () => Number((await this.driver.read((q) => q.all<{ b: number | string | null }>('SELECT sum(bytes) AS b FROM rollouts')))[0]?.b ?? 0);
      let bytes = await total();
      while (Number.isFinite(maxBytes) && bytes > maxBytes) {
        const oldest = await this.driver.read((q) =>
          q.all<{ id: string }>("SELECT id FROM rollouts WHERE outcome <> 'in-progress' ORDER BY coalesce(ended_at, started_at), id LIMIT 1"),
        );
        const id = oldest[0]?.id;
        if (id === undefined) break;
        if (await this.deleteFinished(id)) deleted.push(id);
        bytes = await total();
      }
      return { deleted, bytesAfter: bytes };
    });
  }

  /** Runs prune() now and then every `everyMs` (0: never); the timer does not keep the process alive. */
  schedulePrune(everyMs: number): void {
    clearInterval(this.pruneTimer);
    if (everyMs <= 0) return;
    // Failures are already in health(); the next round tries again.
    const run = () => void this.prune().catch(() => undefined);
    this.pruneTimer = setInterval(run, everyMs);
    this.pruneTimer.unref();
    run();
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.driver.close();
  }
}
