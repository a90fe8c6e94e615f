import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openConfigured, type OpenOptions } from './index';
import { CLUSTER_A, entries, rollout } from './store-contract.testkit';
import { StoreUnavailableError, type RolloutStore } from './types';

// Real files, real SQLite errors: the full disk is SQLITE_FULL via max_page_count, the same code path as ENOSPC.
const root = mkdtempSync(join(tmpdir(), 'dashboard-sqlite-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const stores: RolloutStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
let n = 0;
const newFile = () => join(root, `f${++n}`, 'rollouts.sqlite');
async function open(file: string, options: OpenOptions = {}): Promise<RolloutStore> {
  const s = await openConfigured({ engine: 'sqlite', file, retention: { maxAgeMs: Infinity, maxBytes: Infinity } }, { pruneEveryMs: 0, ...options });
  stores.push(s);
  return s;
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
async function seqs(store: RolloutStore, id: string): Promise<number[]> {
  return ((await store.getRollout(CLUSTER_A, id))?.pods ?? []).flatMap((p) => p.entries.map((e) => e.seq)).sort((a, b) => a - b);
}

describe('sqlite store under faults', () => {
  it('a full database refuses the batch whole, keeps what it had, and recovers once space is freed', async () => {
    const store = await open(newFile(), { maxPageCount: 64 });
    await store.createRollout(rollout({ id: 'old', outcome: 'completed', endedAt: 2 }));
    await store.createRollout(rollout({ id: 'live' }));
    await store.appendBatch(CLUSTER_A, 'old', { entries: entries('p', 300, 'old') });
    let stored = 0;
    let error: unknown;
    for (let i = 0; i < 100 && !error; i++) {
      try {
        await store.appendBatch(CLUSTER_A, 'live', { entries: entries('p', 50, `b${i}`), gaps: [{ id: `g${i}`, fromMs: i, toMs: null, reason: 'x'.repeat(200) }] });
        stored += 50;
      } catch (e) {
        error = e;
      }
    }
    expect(stored).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).code).toBe('SQLITE_FULL');
    expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/full/) });
    const since = store.health().since;
    // Reads still work, but they do not claim recording is healthy again.
    expect(await seqs(store, 'live')).toEqual(Array.from({ length: stored }, (_, i) => i + 1));
    expect((await store.getRollout(CLUSTER_A, 'live'))?.gaps).toHaveLength(stored / 50);
    expect(store.health()).toMatchObject({ ok: false, since });
    // Retention frees pages; the same store then writes again, numbering on from where it stopped.
    expect(await store.deleteRollout(CLUSTER_A, 'old')).toBe(true);
    expect(await store.appendBatch(CLUSTER_A, 'live', { entries: entries('p', 50, 'after') })).toMatchObject({ firstSeq: stored + 1 });
    expect(store.health().ok).toBe(true);
    expect((await seqs(store, 'live')).length).toBe(stored + 50);
  });

  it('a write lock held by another connection times out as unavailable, then writes resume', async () => {
    const file = newFile();
    const store = await open(file, { busyTimeoutMs: 100 });
    await store.createRollout(rollout({ id: 'r' }));
    await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 2) });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      const failed = await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 5, 'blocked') }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(failed).toBeInstanceOf(StoreUnavailableError);
      expect((failed as StoreUnavailableError).code).toMatch(/^SQLITE_BUSY/);
      expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/locked by another connection/) });
      // WAL: reading is not blocked by the other writer.
      expect(await seqs(store, 'r')).toEqual([1, 2]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 1, 'after') })).toMatchObject({ firstSeq: 3, lastSeq: 3 });
    expect(store.health().ok).toBe(true);
  });

  it('a file that is not a database opens degraded, fails every call, and is never written to', async () => {
    const file = newFile();
    const first = await open(file);
    await first.createRollout(rollout({ id: 'r' }));
    await first.close();
    // Clobber the header: what a half-copied backup or another program's file looks like.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
    const before = sha(file);
    const store = await open(file);
    expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/corrupt.*left untouched/) });
    const err = await store.createRollout(rollout({ id: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).code).toBe('SQLITE_NOTADB');
    await expect(store.listRollouts({ cluster: CLUSTER_A, limit: 5 })).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    expect(sha(file)).toBe(before);
  });

  it('corrupt pages inside the file surface as unavailable, not as a crash or a wrong answer', async () => {
    const file = newFile();
    const first = await open(file);
    await first.createRollout(rollout({ id: 'r' }));
    await first.appendBatch(CLUSTER_A, 'r', { entries: entries('p', 500) });
    await first.close();
    // Keep page 1 (header and schema), overwrite every page after it.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    closeSync(fd);
    const before = sha(file);
    const store = await open(file);
    const err = await store.getRollout(CLUSTER_A, 'r').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).code).toMatch(/^SQLITE_CORRUPT|^SQLITE_NOTADB/);
    expect(store.health().ok).toBe(false);
    await store.close();
    expect(sha(file)).toBe(before);
  });

  it('a data dir that cannot be created leaves the store degraded instead of throwing at start', async () => {
    const blocker = join(root, 'not-a-dir');
    rmSync(blocker, { force: true });
    closeSync(openSync(blocker, 'w'));
    const store = await open(join(blocker, 'sub', 'rollouts.sqlite'));
    expect(store.health()).toMatchObject({ ok: false, error: expect.stringMatching(/ENOTDIR|cannot be used/) });
    await expect(store.openRollouts(CLUSTER_A)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
