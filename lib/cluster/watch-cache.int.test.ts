/**
 * WatchCache against the embedded cluster over HTTPS through @kubernetes/client-node: the paged initial LIST,
 * live ADDED/MODIFIED/DELETED, and recovery when the API server goes away and forgets its watch history (410 on
 * resume): GAP, relist, SYNCED, and a cache equal to the cluster again, changes made while it was down included.
 * The pods sit on a node no simulated kubelet runs (scenario `empty`), so only the test writes to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { V1Pod } from '@kubernetes/client-node';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { rawRequest, startTestCluster, waitFor, type TestCluster } from '@/lib/embedded-cluster/cluster.testkit';
import { openWatchCount, WatchCache, type CacheEvent } from './watch-cache';

let t: TestCluster;
const caches: Array<WatchCache<Pod>> = [];

beforeAll(async () => {
  t = await startTestCluster({ scenario: 'empty' });
});
afterAll(async () => {
  for (const c of caches) c.stop();
  await t?.stop();
});

function podBody(name: string): V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'wc' } }, spec: { nodeName: 'node-x', containers: [{ name: 'app', image: 'nginx:1.20' }] } };
}

async function namespaceWithPods(ns: string, names: string[]): Promise<void> {
  await t.core.createNamespace({ body: { metadata: { name: ns } } });
  for (const name of names) await t.core.createNamespacedPod({ namespace: ns, body: podBody(name) });
}

function label(ns: string, name: string, labels: Record<string, string>): Promise<V1Pod> {
  return t.core.patchNamespacedPod({ namespace: ns, name, body: { metadata: { labels } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
}

/** A cache on one namespace's pods that records everything it emits. */
function podCache(ns: string, pageSize?: number): { cache: WatchCache<Pod>; seen: Array<CacheEvent<Pod>> } {
  const cache = new WatchCache<Pod>(t.kc, 'pods', `/api/v1/namespaces/${ns}/pods`, { pageSize });
  caches.push(cache);
  const seen: Array<CacheEvent<Pod>> = [];
  cache.subscribe((e) => seen.push(e));
  return { cache, seen };
}

const rv = (o: { metadata?: { resourceVersion?: string } } | undefined): string => o?.metadata?.resourceVersion ?? '';
const line = (e: CacheEvent<Pod>): string => (e.type === 'GAP' ? `GAP${e.relist ? ' relist' : ''}` : e.type === 'SYNCED' ? 'SYNCED' : `${e.type} ${e.obj.metadata?.name ?? ''}`);

/** name → resourceVersion, from the cache and from a fresh LIST: equal when the cache is right. */
async function cacheMatchesCluster(cache: WatchCache<Pod>, ns: string): Promise<void> {
  const listed = await t.core.listNamespacedPod({ namespace: ns });
  const want = Object.fromEntries(listed.items.map((p) => [`${ns}/${p.metadata?.name ?? ''}`, rv(p)]));
  const have = Object.fromEntries([...cache.values()].map((p) => [`${ns}/${p.metadata?.name ?? ''}`, rv(p)]));
  expect(have).toEqual(want);
}

/**
 * A started cache on pods `stays`, `changes`, `goes` of `ns`; then the API server restarts (down 1.5 s), and while
 * it is down a pod is created, one relabelled and one deleted, straight in the store. With `compact`, the restart
 * forgets the watch history; an unrelated write first moves the cluster past the cache's resourceVersion, so
 * the resume really is too old (a compaction at exactly the client's resourceVersion loses nothing it needs).
 */
async function restartWhileWatching(ns: string, compact: boolean): Promise<{ cache: WatchCache<Pod>; seen: Array<CacheEvent<Pod>>; before: Pod | undefined }> {
  await namespaceWithPods(ns, ['stays', 'changes', 'goes']);
  const { cache, seen } = podCache(ns);
  await cache.start();
  const before = cache.get(`${ns}/changes`);
  if (compact) await t.core.createNamespacedPod({ namespace: 'default', body: podBody(`elsewhere-${ns}`) });
  seen.length = 0;
  const dropped = new Promise<void>((resolve) => cache.subscribe((e) => { if (e.type === 'GAP') resolve(); }));
  const res = await rawRequest(t.kc, 'POST', `/debug/embedded/restart?downMs=1500${compact ? '&compact=1' : ''}`);
  expect(res.status).toBe(202);
  await dropped;
  expect(cache.freshness().state).toBe('reconnecting');
  expect(cache.freshness().error).toMatch(/^watch dropped: /);
  // Nothing reaches a watch while the API server is down: these writes are only in the cluster's store.
  const admin = t.cluster.admin;
  admin.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'new', namespace: ns }, spec: podBody('new').spec });
  admin.patch('pods', ns, 'changes', 'application/merge-patch+json', { metadata: { labels: { app: 'wc', changed: 'while-down' } } });
  admin.delete('pods', ns, 'goes', { gracePeriodSeconds: 0 });
  return { cache, seen, before };
}

describe('WatchCache', () => {
  it('fills itself from a paged LIST, emits ADDED for each object then SYNCED, and watches from there', async () => {
    await namespaceWithPods('wc-list', ['p-0', 'p-1', 'p-2', 'p-3', 'p-4']);
    const { cache, seen } = podCache('wc-list', 2);
    expect(cache.freshness()).toEqual({ kind: 'pods', state: 'connecting', relists: 0, reconnects: 0 });
    const watchesBefore = openWatchCount();
    const before = Date.now();
    await cache.start();
    // Three pages of two: every object arrives exactly once, in the server's order.
    expect(seen.map(line)).toEqual(['ADDED p-0', 'ADDED p-1', 'ADDED p-2', 'ADDED p-3', 'ADDED p-4', 'SYNCED']);
    expect(seen.every((e) => e.type !== 'ADDED' || e.old === undefined)).toBe(true);
    expect(cache.size).toBe(5);
    await cacheMatchesCluster(cache, 'wc-list');
    const f = cache.freshness();
    expect(f).toMatchObject({ kind: 'pods', state: 'live', relists: 0, reconnects: 0 });
    expect(f.error).toBeUndefined();
    expect(f.syncedAt).toBeGreaterThanOrEqual(before);
    expect(f.lastContactAt).toBeGreaterThanOrEqual(f.syncedAt ?? Infinity);
    // start() resolves once the watch is open; stop() closes it.
    expect(openWatchCount()).toBe(watchesBefore + 1);
    expect(cache.start()).toBe(cache.start());
    cache.stop();
    await waitFor('the watch closed', () => openWatchCount() === watchesBefore);
  });

  it('closes a watch that stop() caught while it was still connecting', async () => {
    await namespaceWithPods('wc-stop', ['a']);
    const watchesBefore = openWatchCount();
    const { cache } = podCache('wc-stop');
    // SYNCED follows the LIST, before the watch request has its answer: there is no controller to abort yet.
    cache.subscribe((e) => { if (e.type === 'SYNCED') setImmediate(() => cache.stop()); });
    await cache.start();
    await waitFor('the watch closed', () => openWatchCount() === watchesBefore);
    await new Promise((r) => setTimeout(r, 500));
    expect(openWatchCount()).toBe(watchesBefore);
  });

  it('delivers ADDED, MODIFIED and DELETED with the object it replaces, and records when it last heard of a change', async () => {
    await namespaceWithPods('wc-live', ['keep']);
    const { cache, seen } = podCache('wc-live');
    await cache.start();
    seen.length = 0;
    const before = Date.now();
    const created = await t.core.createNamespacedPod({ namespace: 'wc-live', body: podBody('a') });
    const labelled = await label('wc-live', 'a', { step: 'two' });
    await waitFor('the label in the cache', () => rv(cache.get('wc-live/a')) === rv(labelled));
    expect(cache.get('wc-live/a')?.metadata?.labels).toEqual({ app: 'wc', step: 'two' });
    await t.core.deleteNamespacedPod({ namespace: 'wc-live', name: 'a', gracePeriodSeconds: 0 });
    await waitFor('the delete in the cache', () => !cache.get('wc-live/a'));
    expect(seen.map(line)).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
    const [added, modified, deleted] = seen;
    expect(added?.type === 'ADDED' && rv(added.obj)).toBe(rv(created));
    // MODIFIED carries the previous object, as the watch-driven views diff against it.
    expect(modified?.type === 'MODIFIED' && rv(modified.old)).toBe(rv(created));
    expect(deleted?.type === 'DELETED' && rv(deleted.old)).toBe(rv(labelled));
    expect(cache.size).toBe(1);
    expect(cache.freshness().lastEventAt).toBeGreaterThanOrEqual(before);
  });

  it('applies its transform to listed and watched objects alike, before storing or emitting them', async () => {
    await namespaceWithPods('wc-lean', ['listed']);
    // Keeps only what a view would read: the object's identity and its containers' images.
    const lean = (p: Pod): Pod => ({ metadata: { name: p.metadata?.name, namespace: p.metadata?.namespace, resourceVersion: p.metadata?.resourceVersion }, spec: { containers: (p.spec?.containers ?? []).map((x) => ({ name: x.name, image: x.image })) } });
    const cache = new WatchCache<Pod>(t.kc, 'pods', '/api/v1/namespaces/wc-lean/pods', { transform: lean });
    caches.push(cache);
    const seen: Array<CacheEvent<Pod>> = [];
    cache.subscribe((e) => seen.push(e));
    await cache.start();
    await t.core.createNamespacedPod({ namespace: 'wc-lean', body: podBody('watched') });
    const relabelled = await label('wc-lean', 'watched', { step: 'two' });
    await waitFor('the relabel', () => rv(cache.get('wc-lean/watched')) === rv(relabelled));
    const shape = { metadata: { name: expect.any(String) as unknown, namespace: 'wc-lean', resourceVersion: expect.any(String) as unknown }, spec: { containers: [{ name: 'app', image: 'nginx:1.20' }] } };
    for (const p of cache.values()) expect(p).toStrictEqual(shape);
    for (const e of seen) {
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') continue;
      expect(e.obj).toStrictEqual(shape);
      if (e.old) expect(e.old).toStrictEqual(shape);
    }
    expect(seen.map(line)).toEqual(['ADDED listed', 'SYNCED', 'ADDED watched', 'MODIFIED watched']);
  });

  it('keeps telling other listeners when one of them throws', async () => {
    await namespaceWithPods('wc-throw', []);
    const cache = new WatchCache<Pod>(t.kc, 'pods', '/api/v1/namespaces/wc-throw/pods');
    caches.push(cache);
    // Subscribed first, so the recorder after it is reached only if the failure is contained.
    cache.subscribe(() => { throw new Error('a broken listener'); });
    const seen: Array<CacheEvent<Pod>> = [];
    cache.subscribe((e) => seen.push(e));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await cache.start();
      await t.core.createNamespacedPod({ namespace: 'wc-throw', body: podBody('x') });
      await waitFor('x in the cache', () => cache.get('wc-throw/x'));
    } finally {
      cache.stop();
      console.error = quiet;
    }
    expect(seen.map(line)).toEqual(['SYNCED', 'ADDED x']);
  });

  it('after an API server restart that kept its history: GAP, SYNCED on reconnect, then what it missed, no relist', async () => {
    const ns = 'wc-resume';
    const { cache, seen, before } = await restartWhileWatching(ns, false);
    await waitFor('the missed changes', () => seen.some((e) => e.type === 'DELETED'), 25_000);
    expect(seen[0]?.type).toBe('GAP');
    expect(seen.every((e) => e.type !== 'GAP' || !e.relist)).toBe(true);
    // The resumed watch replays the missed events after the reconnect; nothing is listed again.
    expect(seen.filter((e) => e.type !== 'GAP').map(line)).toEqual(['SYNCED', 'ADDED new', 'MODIFIED changes', 'DELETED goes']);
    const modified = seen.find((e) => e.type === 'MODIFIED');
    expect(modified?.type === 'MODIFIED' && rv(modified.old)).toBe(rv(before));
    await cacheMatchesCluster(cache, ns);
    expect(cache.freshness()).toMatchObject({ state: 'live', relists: 0 });
    expect(cache.freshness().reconnects).toBe(seen.filter((e) => e.type === 'GAP').length);
  });

  it('after a restart that forgot the watch history: GAP, 410, relist, SYNCED, and the cluster\'s state, changes made while down included', async () => {
    const ns = 'wc-relist';
    const { cache, seen, before } = await restartWhileWatching(ns, true);
    const gone = await waitFor('a 410 relist and its SYNCED', () => {
      const i = seen.findIndex((e) => e.type === 'GAP' && e.relist);
      return i >= 0 && seen.slice(i).some((e) => e.type === 'SYNCED') ? i : undefined;
    }, 25_000);
    const gap = seen[gone];
    expect(gap?.type === 'GAP' && gap.reason).toBe('resourceVersion too old (410 Gone)');
    expect(seen.slice(0, gone).every((e) => e.type === 'GAP' || e.type === 'SYNCED')).toBe(true);
    // The relist reconciles: what changed in the gap is emitted as changes, what did not stays silent.
    const after = seen.slice(gone + 1);
    expect(after.map(line).sort()).toEqual(['ADDED new', 'DELETED goes', 'MODIFIED changes', 'SYNCED']);
    expect(after.at(-1)?.type).toBe('SYNCED');
    const modified = after.find((e) => e.type === 'MODIFIED');
    expect(modified?.type === 'MODIFIED' && rv(modified.old)).toBe(rv(before));
    expect(cache.get(`${ns}/changes`)?.metadata?.labels).toEqual({ app: 'wc', changed: 'while-down' });
    await cacheMatchesCluster(cache, ns);
    const f = cache.freshness();
    expect(f).toMatchObject({ state: 'live', relists: 1 });
    expect(f.error).toBeUndefined();
    expect(f.reconnects).toBe(seen.filter((e) => e.type === 'GAP').length);
    // And it watches again: a change after the relist arrives as usual.
    const later = await label(ns, 'stays', { app: 'wc', after: 'restart' });
    await waitFor('a change after recovery', () => rv(cache.get(`${ns}/stays`)) === rv(later));
  });

  it('rejects start() when the collection cannot be listed at all', async () => {
    const missing = new WatchCache<Pod>(t.kc, 'widgets', '/apis/example.com/v1/widgets');
    caches.push(missing);
    await expect(missing.start()).rejects.toMatchObject({ name: 'ClusterError', status: 404 });
  });
});
