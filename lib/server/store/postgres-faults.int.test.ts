import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openConfigured } from './index';
import { PgTestServer } from './pg-server.testkit';
import { CLUSTER_A, entries, rollout } from './store-contract.testkit';
import { StoreUnavailableError, type RolloutBatch, type RolloutStore } from './types';

// Its own real server: these tests stop, crash and restart it.
let server: PgTestServer;
beforeAll(async () => {
  server = await new PgTestServer().start();
}, 120_000);
afterAll(async () => server?.destroy());

const stores: RolloutStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
});
async function open(url: string, queryTimeoutMs?: number): Promise<RolloutStore> {
  const s = await openConfigured({ engine: 'postgres', connectionString: url, retention: { maxAgeMs: Infinity, maxBytes: Infinity } }, { pruneEveryMs: 0, queryTimeoutMs });
  stores.push(s);
  return s;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('postgres store under faults', () => {
  it('fails while the server is down, then writes again on the same store once it is back', async () => {
    const store = await open(await server.createDatabase());
    await store.createRollout(rollout({ id: 'r' }));
    await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 3, 'before') });
    // Two idle pooled connections break with the server: the pool's error event must not crash the process.
    await Promise.all([store.listRollouts({ cluster: CLUSTER_A, limit: 1 }), store.openRollouts(CLUSTER_A)]);
    server.stop('fast');
    try {
      const err = await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 3, 'during') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/PostgreSQL postgres:\/\/postgres@127\.0\.0\.1/) });
      await expect(store.getRollout(CLUSTER_A, 'r')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      server.restartServer();
    }
    expect(await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 2, 'after') })).toMatchObject({ firstSeq: 4, lastSeq: 5 });
    expect(store.health().ok).toBe(true);
    const ids = (await store.getRollout(CLUSTER_A, 'r'))?.pods[0]?.entries.map((e) => (e.payload as { id: string }).id);
    expect(ids).toEqual(['before-0', 'before-1', 'before-2', 'after-0', 'after-1']);
  });

  it('after a restart it had no chance to notice, the first call still succeeds', async () => {
    const store = await open(await server.createDatabase());
    await store.createRollout(rollout({ id: 'r' }));
    await Promise.all([store.openRollouts(CLUSTER_A), store.openRollouts(CLUSTER_A), store.openRollouts(CLUSTER_A)]);
    // Both synchronous: the pool's idle connections are dead, but no event has told it yet.
    server.stop('fast');
    server.restartServer();
    expect(await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 1) })).toMatchObject({ firstSeq: 1 });
    expect(store.health().ok).toBe(true);
  });

  it('a crash in the middle of a stream of batches leaves each batch whole or absent, and retries store it once', async () => {
    const store = await open(await server.createDatabase());
    const rollouts = ['w1', 'w2', 'w3'];
    for (const id of rollouts) await store.createRollout(rollout({ id }));
    const BATCHES = 30;
    const SIZE = 100;
    let failures = 0;
    let duplicates = 0;
    let done = 0;
    const deadline = Date.now() + 60_000;
    const writer = async (id: string) => {
      for (let b = 0; b < BATCHES; b++) {
        const batch: RolloutBatch = { batchId: `${id}-${b}`, entries: entries('p', SIZE, `${id}-${b}`), samples: [{ pod: { namespace: 'default', name: 'p' }, bucketMs: b * 1000, path: 'direct', ok: 1, failed: 0, versions: ['v1'] }] };
        for (;;) {
          try {
            const r = await store.appendBatch(CLUSTER_A, id, batch);
            if (r.duplicate) duplicates++;
            done++;
            break;
          } catch (e) {
            if (!(e instanceof StoreUnavailableError) || Date.now() > deadline) throw e;
            failures++;
            await sleep(50);
          }
        }
      }
    };
    const writing = Promise.all(rollouts.map(writer));
    while (done < 10) await sleep(5);
    // Kill -9 semantics for the server: in-flight transactions die wherever they are.
    await server.stopInBackground('immediate');
    while (failures === 0 && Date.now() < deadline) await sleep(10);
    expect(store.health().ok).toBe(false);
    await sleep(200);
    server.restartServer();
    await writing;
    expect(failures).toBeGreaterThan(0);
    expect(store.health().ok).toBe(true);
    for (const id of rollouts) {
      const rec = await store.getRollout(CLUSTER_A, id);
      const all = rec?.pods[0]?.entries ?? [];
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: BATCHES * SIZE }, (_, i) => i + 1));
      const perBatch = new Map<string, number>();
      for (const e of all) {
        const tag = (e.payload as { id: string }).id.replace(/-\d+$/, '');
        perBatch.set(tag, (perBatch.get(tag) ?? 0) + 1);
      }
      expect([...perBatch.values()]).toEqual(Array.from({ length: BATCHES }, () => SIZE));
      expect(rec?.pods[0]?.samples.map((s) => s.ok)).toEqual(Array.from({ length: BATCHES }, () => 1));
    }
    // A duplicate is a commit whose answer the crash swallowed; there may be none, but never a double write.
    expect(duplicates).toBeGreaterThanOrEqual(0);
  }, 90_000);

  it('a server that hangs without closing connections times the call out, and the transaction does not survive', async () => {
    const store = await open(await server.createDatabase(), 1000);
    await store.createRollout(rollout({ id: 'r' }));
    server.freeze(true);
    let err: unknown;
    const started = Date.now();
    try {
      err = await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 5, 'hung') }).catch((e: unknown) => e);
    } finally {
      server.freeze(false);
    }
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/timeout/) });
    expect(await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 2, 'after') })).toMatchObject({ firstSeq: 1, lastSeq: 2 });
    const ids = (await store.getRollout(CLUSTER_A, 'r'))?.pods[0]?.entries.map((e) => (e.payload as { id: string }).id);
    expect(ids).toEqual(['after-0', 'after-1']);
  });

  it('opens degraded when the server is down at start, and migrates once it is reachable', async () => {
    const url = await server.createDatabase();
    server.stop('fast');
    let store: RolloutStore;
    try {
      store = await open(url);
      expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED|connect/) });
      await expect(store.openRollouts(CLUSTER_A)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      server.restartServer();
    }
    await store.createRollout(rollout({ id: 'late' }));
    expect((await store.openRollouts(CLUSTER_A)).map((r) => r.id)).toEqual(['late']);
    expect(store.health().ok).toBe(true);
  });
});
