// Test kit (server-only): the suite both engines pass; sqlite.test.ts and postgres.int.test.ts call it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  RolloutNotFoundError, StoreInputError, StoreSchemaError, type ClusterKey, type EntryInput, type JsonValue, type NewRollout,
  type RetentionPolicy, type RolloutStore,
} from './types';

/** One empty database of the engine under test. */
export interface ContractDatabase {
  /** Opens a store on this database (again and again: reopening is part of the contract). */
  open(retention?: Partial<RetentionPolicy>): Promise<RolloutStore>;
  /** Raw SQL on the database, bypassing the store (to plant a future schema version). */
  exec(sql: string): Promise<void>;
}

export type ContractTarget = () => Promise<ContractDatabase>;

export const CLUSTER_A: ClusterKey = { server: 'https://10.0.0.1:6443', kubeSystemUid: 'uid-a' };
/** Same server URL, recreated cluster: must not see A's records. */
export const CLUSTER_A2: ClusterKey = { server: 'https://10.0.0.1:6443', kubeSystemUid: 'uid-a2' };

export function rollout(over: Partial<NewRollout> = {}): NewRollout {
  return {
    cluster: CLUSTER_A,
    sidecarSet: 'mosn',
    container: 'sidecar',
    fromImage: 'mosn:v1',
    toImage: 'mosn:v2',
    startedBy: { kind: 'dashboard', user: 'alice' },
    startedAt: 1_700_000_000_000,
    ...over,
  };
}

export const pod = (name: string, namespace = 'default') => ({ namespace, name });

export function entries(podName: string, n: number, tag = 'e'): EntryInput[] {
  return Array.from({ length: n }, (_, i) => ({ pod: pod(podName), atMs: 1_700_000_000_000 + i, payload: { id: `${tag}-${i}`, kind: 'ready', to: true } }));
}

export function describeStoreContract(engine: string, target: ContractTarget): void {
  describe(`rollout store contract (${engine})`, () => {
    const opened: RolloutStore[] = [];
    const open = async (retention?: Partial<RetentionPolicy>) => {
      const db = await target();
      const store = await db.open(retention);
      opened.push(store);
      return { store, db };
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    });

    it('creates a rollout and reads it back as written', async () => {
      const { store } = await open();
      const made = await store.createRollout(rollout({ id: 'r1', revision: 'rev-7', coverage: { podsTotal: 10, podsProbed: 4 } }));
      expect(made).toMatchObject({ id: 'r1', revision: 'rev-7', outcome: 'in-progress', coverage: { podsTotal: 10, podsProbed: 4 }, startedBy: { kind: 'dashboard', user: 'alice' } });
      expect(made.endedAt).toBeUndefined();
      const outside = await store.createRollout(rollout({ startedBy: { kind: 'outside' } }));
      expect(outside.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(outside.revision).toBeUndefined();
      expect(outside.startedBy).toEqual({ kind: 'outside' });
      const got = await store.getRollout(CLUSTER_A, 'r1');
      expect(got).toMatchObject({ ...made, pods: [], gaps: [] });
      await expect(store.createRollout(rollout({ id: 'r1' }))).rejects.toBeInstanceOf(StoreInputError);
      expect(store.health().ok).toBe(true);
    });

    it('keeps two clusters apart, even on the same server URL', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'a' }));
      await store.createRollout(rollout({ id: 'b', cluster: CLUSTER_A2 }));
      expect(await store.getRollout(CLUSTER_A2, 'a')).toBeUndefined();
      expect((await store.listRollouts({ cluster: CLUSTER_A, limit: 10 })).map((r) => r.id)).toEqual(['a']);
      expect((await store.openRollouts(CLUSTER_A2)).map((r) => r.id)).toEqual(['b']);
      await expect(store.updateRollout(CLUSTER_A2, 'a', { outcome: 'completed' })).rejects.toBeInstanceOf(RolloutNotFoundError);
      await expect(store.appendBatch(CLUSTER_A2, 'a', { entries: entries('p', 1) })).rejects.toBeInstanceOf(RolloutNotFoundError);
      expect(await store.deleteRollout(CLUSTER_A2, 'a')).toBe(false);
      expect(await store.getRollout(CLUSTER_A, 'a')).toBeDefined();
    });

    it('lists newest first, by SidecarSet, and pages with a cursor through equal start times', async () => {
      const { store } = await open();
      const t = 1_700_000_000_000;
      for (const [id, at, ss] of [['r1', t, 'mosn'], ['r2', t + 1, 'envoy'], ['r3', t + 2, 'mosn'], ['r4', t + 2, 'mosn'], ['r5', t + 3, 'mosn']] as const) {
        await store.createRollout(rollout({ id, startedAt: at, sidecarSet: ss }));
      }
      expect((await store.listRollouts({ cluster: CLUSTER_A, limit: 10 })).map((r) => r.id)).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
      expect((await store.listRollouts({ cluster: CLUSTER_A, sidecarSet: 'mosn', limit: 10 })).map((r) => r.id)).toEqual(['r5', 'r4', 'r3', 'r1']);
      const page1 = await store.listRollouts({ cluster: CLUSTER_A, sidecarSet: 'mosn', limit: 2 });
      expect(page1.map((r) => r.id)).toEqual(['r5', 'r4']);
      const last = page1[1];
      if (!last) throw new Error('page 1 short');
      const page2 = await store.listRollouts({ cluster: CLUSTER_A, sidecarSet: 'mosn', limit: 2, before: { startedAt: last.startedAt, id: last.id } });
      expect(page2.map((r) => r.id)).toEqual(['r3', 'r1']);
    });

    it('appends batches: entries numbered per rollout, payloads exact, samples merged, verdicts and gaps replaced', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'r' }));
      const odd: JsonValue = { text: 'naïve ✓ \u0000 "quoted"', n: -0.5, big: 2 ** 52, nested: [{ a: [] }, null, true], empty: {} };
      const first = await store.appendBatch(CLUSTER_A, 'r', {
        entries: [...entries('p1', 2), { pod: pod('p2', 'ns2'), atMs: 5, payload: odd }],
        samples: [
          { pod: pod('p1'), bucketMs: 1000, path: 'proxy', ok: 3, failed: 0, versions: ['v1'] },
          { pod: pod('p1'), bucketMs: 1000, path: 'proxy', ok: 1, failed: 1, versions: ['v2', 'v1'] },
        ],
        verdicts: [{ pod: pod('p1'), verdict: { lossless: false } }],
        gaps: [{ id: 'g1', fromMs: 10, toMs: null, reason: 'watch dropped' }],
      });
      expect(first).toEqual({ duplicate: false, firstSeq: 1, lastSeq: 3 });
      const second = await store.appendBatch(CLUSTER_A, 'r', {
        entries: entries('p1', 1, 'late'),
        samples: [
          { pod: pod('p1'), bucketMs: 1000, path: 'proxy', ok: 2, failed: 0, versions: ['v3'] },
          { pod: pod('p1'), bucketMs: 1000, path: 'direct', ok: 1, failed: 0, versions: [] },
        ],
        verdicts: [{ pod: pod('p1'), verdict: { lossless: true, text: 'lossless: 0 of 7 requests failed' } }],
        gaps: [{ id: 'g1', fromMs: 10, toMs: 20, reason: 'watch dropped; then relist' }],
      });
      expect(second).toEqual({ duplicate: false, firstSeq: 4, lastSeq: 4 });
      const got = await store.getRollout(CLUSTER_A, 'r');
      expect(got?.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['default/p1', 'ns2/p2']);
      const [p1, p2] = got?.pods ?? [];
      expect(p1?.entries.map((e) => [e.seq, (e.payload as { id: string }).id])).toEqual([[1, 'e-0'], [2, 'e-1'], [4, 'late-0']]);
      expect(p2?.entries).toEqual([{ seq: 3, pod: pod('p2', 'ns2'), atMs: 5, payload: odd }]);
      expect(p1?.samples).toEqual([
        { pod: pod('p1'), bucketMs: 1000, path: 'direct', ok: 1, failed: 0, versions: [] },
        { pod: pod('p1'), bucketMs: 1000, path: 'proxy', ok: 6, failed: 1, versions: ['v1', 'v2', 'v3'] },
      ]);
      expect(p1?.verdict).toEqual({ lossless: true, text: 'lossless: 0 of 7 requests failed' });
      expect(p2?.verdict).toBeUndefined();
      expect(got?.gaps).toEqual([{ id: 'g1', fromMs: 10, toMs: 20, reason: 'watch dropped; then relist' }]);
      expect(got?.bytes).toBeGreaterThan(0);
      const onePod = await store.getRollout(CLUSTER_A, 'r', { pod: pod('p2', 'ns2') });
      expect(onePod?.pods.map((p) => p.name)).toEqual(['p2']);
    });

    it('stores none of a batch with one bad item, and skips a batch id it already has', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'r' }));
      const bad = [...entries('p', 3), { pod: pod('p'), atMs: 1, payload: { x: Number.NaN } }];
      await expect(store.appendBatch(CLUSTER_A, 'r', { entries: bad, gaps: [{ id: 'g', fromMs: 1, toMs: null, reason: 'r' }] })).rejects.toBeInstanceOf(StoreInputError);
      await expect(store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 1), samples: [{ pod: pod('p'), bucketMs: 0, path: 'sideways' as 'direct', ok: 1, failed: 0, versions: [] }] })).rejects.toBeInstanceOf(StoreInputError);
      expect((await store.getRollout(CLUSTER_A, 'r'))?.pods).toEqual([]);
      expect(await store.appendBatch(CLUSTER_A, 'r', { batchId: 'b1', entries: entries('p', 2) })).toMatchObject({ duplicate: false, firstSeq: 1, lastSeq: 2 });
      expect(await store.appendBatch(CLUSTER_A, 'r', { batchId: 'b1', entries: entries('p', 2) })).toMatchObject({ duplicate: true });
      expect(await store.appendBatch(CLUSTER_A, 'r', { batchId: 'b2', entries: entries('p', 1) })).toMatchObject({ firstSeq: 3, lastSeq: 3 });
      expect((await store.getRollout(CLUSTER_A, 'r'))?.pods[0]?.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
      await expect(store.appendBatch(CLUSTER_A, 'nope', { entries: entries('p', 1) })).rejects.toBeInstanceOf(RolloutNotFoundError);
    });

    it('numbers concurrent batches of one rollout without holes or overlaps', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'r' }));
      const results = await Promise.all(Array.from({ length: 8 }, (_, b) => store.appendBatch(CLUSTER_A, 'r', { entries: entries(`p${b % 3}`, 25, `b${b}`), samples: [{ pod: pod('p0'), bucketMs: 0, path: 'proxy', ok: 1, failed: 0, versions: [`v${b}`] }] })));
      const ranges = results.map((r) => [r.firstSeq, r.lastSeq] as const).sort((a, b) => a[0] - b[0]);
      ranges.forEach(([first, last], i) => expect([first, last]).toEqual([i * 25 + 1, i * 25 + 25]));
      const got = await store.getRollout(CLUSTER_A, 'r');
      expect(got?.pods.flatMap((p) => p.entries.map((e) => e.seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const bucket = got?.pods.find((p) => p.name === 'p0')?.samples[0];
      expect(bucket?.ok).toBe(8);
      expect([...(bucket?.versions ?? [])].sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
    });

    it("takes the caller's own payload types (interfaces with optional fields) without a cast", async () => {
      interface CallerEntry { id: string; kind: 'ready'; from?: boolean; to: boolean; exitCode?: number }
      const { store } = await open();
      await store.createRollout(rollout({ id: 'r' }));
      const e: CallerEntry = { id: 'x', kind: 'ready', from: undefined, to: true };
      await store.appendBatch(CLUSTER_A, 'r', { entries: [{ pod: pod('p'), atMs: 1, payload: e }], verdicts: [{ pod: pod('p'), verdict: e }] });
      const got = await store.getRollout(CLUSTER_A, 'r');
      expect(got?.pods[0]?.entries[0]?.payload).toEqual({ id: 'x', kind: 'ready', to: true });
      expect(got?.pods[0]?.verdict).toEqual({ id: 'x', kind: 'ready', to: true });
    });

    it('updates outcome, end and coverage; open rollouts are the in-progress ones, oldest first', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'old', startedAt: 1 }));
      await store.createRollout(rollout({ id: 'new', startedAt: 2 }));
      await store.createRollout(rollout({ id: 'done', startedAt: 3 }));
      const done = await store.updateRollout(CLUSTER_A, 'done', { outcome: 'completed', endedAt: 10, coverage: { podsTotal: 5, podsProbed: 5 } });
      expect(done).toMatchObject({ outcome: 'completed', endedAt: 10, coverage: { podsTotal: 5, podsProbed: 5 } });
      expect((await store.openRollouts(CLUSTER_A)).map((r) => r.id)).toEqual(['old', 'new']);
      const paused = await store.updateRollout(CLUSTER_A, 'old', { outcome: 'paused', endedAt: 4 });
      expect(paused.endedAt).toBe(4);
      const resumed = await store.updateRollout(CLUSTER_A, 'old', { outcome: 'in-progress', endedAt: null });
      expect(resumed.endedAt).toBeUndefined();
      expect(resumed.coverage).toEqual({ podsTotal: 0, podsProbed: 0 });
      await expect(store.updateRollout(CLUSTER_A, 'old', { outcome: 'exploded' as 'completed' })).rejects.toBeInstanceOf(StoreInputError);
      await expect(store.updateRollout(CLUSTER_A, 'missing', { outcome: 'completed' })).rejects.toBeInstanceOf(RolloutNotFoundError);
    });

    it('deletes a rollout with all its rows', async () => {
      const { store } = await open();
      await store.createRollout(rollout({ id: 'r' }));
      await store.appendBatch(CLUSTER_A, 'r', {
        batchId: 'b', entries: entries('p', 3), samples: [{ pod: pod('p'), bucketMs: 0, path: 'direct', ok: 1, failed: 0, versions: ['v1'] }],
        verdicts: [{ pod: pod('p'), verdict: true }], gaps: [{ id: 'g', fromMs: 0, toMs: 1, reason: 'x' }],
      });
      expect(await store.deleteRollout(CLUSTER_A, 'r')).toBe(true);
      expect(await store.getRollout(CLUSTER_A, 'r')).toBeUndefined();
      // Same id again starts from nothing: no entry, sample, verdict, gap, pod or batch id survived.
      await store.createRollout(rollout({ id: 'r' }));
      expect(await store.appendBatch(CLUSTER_A, 'r', { batchId: 'b', entries: entries('q', 1) })).toMatchObject({ duplicate: false, firstSeq: 1 });
      expect(await store.getRollout(CLUSTER_A, 'r')).toMatchObject({ gaps: [], pods: [{ name: 'q', samples: [] }] });
    });

    it('prunes by age and by size, never an in-progress rollout', async () => {
      const day = 24 * 60 * 60_000;
      const now = 100 * day;
      const { store } = await open({ maxAgeMs: 30 * day, maxBytes: Infinity });
      await store.createRollout(rollout({ id: 'ancient-open', startedAt: 1 }));
      await store.createRollout(rollout({ id: 'ancient-done', startedAt: 1, outcome: 'completed', endedAt: 2 }));
      await store.createRollout(rollout({ id: 'long-running', startedAt: 1, outcome: 'abandoned', endedAt: now - day }));
      await store.createRollout(rollout({ id: 'recent', startedAt: now - day, outcome: 'superseded', endedAt: now - day }));
      expect((await store.prune(now)).deleted).toEqual(['ancient-done']);
      expect((await store.listRollouts({ cluster: CLUSTER_A, limit: 10 })).map((r) => r.id).sort()).toEqual(['ancient-open', 'long-running', 'recent']);

      const sized = (await open({ maxAgeMs: Infinity, maxBytes: 25_000 })).store;
      for (const [i, id] of ['s1', 's2', 's3', 's4'].entries()) {
        await sized.createRollout(rollout({ id, startedAt: 10 + i, outcome: id === 's1' ? 'in-progress' : 'completed', endedAt: id === 's1' ? undefined : 20 + i }));
        await sized.appendBatch(CLUSTER_A, id, { entries: entries('p', 100) });
      }
      const each = (await sized.getRollout(CLUSTER_A, 's2'))?.bytes ?? 0;
      expect(each).toBeGreaterThan(10_000);
      expect(each).toBeLessThan(20_000);
      const result = await sized.prune(now);
      // Oldest finished first (s2, s3) until under 25 kB; s1 is older but still in progress.
      expect(result.deleted).toEqual(['s2', 's3']);
      expect(result.bytesAfter).toBeLessThanOrEqual(25_000);
      expect((await sized.listRollouts({ cluster: CLUSTER_A, limit: 10 })).map((r) => r.id)).toEqual(['s4', 's1']);
    });

    it('migrates once, reopens its own data, and refuses a database from a newer schema', async () => {
      const { store, db } = await open();
      await store.createRollout(rollout({ id: 'kept' }));
      await store.close();
      const again = await db.open();
      opened.push(again);
      expect((await again.getRollout(CLUSTER_A, 'kept'))?.id).toBe('kept');
      await again.close();
      await db.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)");
      await expect(db.open()).rejects.toBeInstanceOf(StoreSchemaError);
      await expect(db.open()).rejects.toThrow(/schema version 999, newer than this dashboard knows/);
    });
  });
}
