/**
 * Watch and LIST semantics over HTTPS with @kubernetes/client-node (issue 2, API server "Watch" and "Verbs"):
 * resuming from a resourceVersion, 410 Expired for a compacted one, bookmarks, timeoutSeconds, label and field
 * selectors (spec.nodeName on pods, involvedObject.name on events) and limit/continue paging over one snapshot.
 * The pods sit on nodes no simulated kubelet runs, so only the test writes to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { apiFailure, kubeConfigFor, rawRequest, startTestCluster, startWatch, waitFor, type TestCluster, type WireStatus } from '../cluster.testkit';

const NS = 'default';
/** Small enough that a test can push a resourceVersion out of the watch history. */
const HISTORY = 40;
let t: TestCluster;
let seq = 0;

function pod(name: string, node: string, labels: Record<string, string> = {}): V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx:1.20' }] } };
}

async function createPod(name: string, node = 'node-x', labels: Record<string, string> = {}): Promise<V1Pod> {
  return t.core.createNamespacedPod({ namespace: NS, body: pod(name, node, labels) });
}

async function label(name: string, labels: Record<string, string | null>): Promise<V1Pod> {
  return t.core.patchNamespacedPod({ namespace: NS, name, body: { metadata: { labels } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
}

const rv = (o: { metadata?: { resourceVersion?: string } }): string => o.metadata?.resourceVersion ?? '';
const summary = (es: Array<{ type: string; object: V1Pod }>): string[] => es.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`);

beforeAll(async () => {
  t = await startTestCluster({ scenario: 'empty', historySize: HISTORY });
});
afterAll(async () => { await t?.stop(); });

describe('watch over HTTPS', () => {
  it('resumes after a resourceVersion: exactly the later changes, in order, and nothing before', async () => {
    const a = await createPod('resume-a');
    await createPod('resume-b');
    await createPod('resume-c');
    await label('resume-a', { touched: 'yes' });
    await t.core.deleteNamespacedPod({ namespace: NS, name: 'resume-b', gracePeriodSeconds: 0 });
    const w = await startWatch<V1Pod>(t.kc, `/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv(a) });
    await waitFor('four events', () => w.events.length >= 4);
    w.stop();
    expect(summary(w.events)).toEqual(['ADDED resume-b', 'ADDED resume-c', 'MODIFIED resume-a', 'DELETED resume-b']);
    const rvs = w.events.map((e) => Number(rv(e.object)));
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs);
    expect(rvs[0]).toBeGreaterThan(Number(rv(a)));
  });

  it('answers a compacted resourceVersion with a 410 Expired ERROR event, and a stale continue token with 410', async () => {
    const first = await createPod('old-rv');
    const page = await t.core.listNamespacedPod({ namespace: NS, limit: 1 });
    expect(page.metadata?._continue).toBeTruthy();
    for (let i = 0; i <= HISTORY; i++) await label('old-rv', { n: String(i) });
    const w = await startWatch<WireStatus>(t.kc, `/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv(first) });
    expect(await w.ended).toBeFalsy();
    expect(w.events).toHaveLength(1);
    expect(w.events[0]?.type).toBe('ERROR');
    expect(w.events[0]?.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(w.events[0]?.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    const stale = await apiFailure(t.core.listNamespacedPod({ namespace: NS, limit: 1, _continue: page.metadata?._continue }));
    expect(stale.code).toBe(410);
    expect(stale.status).toMatchObject({ reason: 'Expired', message: 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.' });
  });

  it('sends a bookmark before timeoutSeconds, then closes the stream on time', async () => {
    const started = Date.now();
    const list = await t.core.listNamespacedPod({ namespace: NS });
    const w = await startWatch<V1Pod>(t.kc, `/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv(list), allowWatchBookmarks: true, timeoutSeconds: 3 });
    const err = await w.ended;
    const elapsed = Date.now() - started;
    expect(err).toBeFalsy();
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(6_000);
    const bookmark = w.events.find((e) => e.type === 'BOOKMARK');
    expect(bookmark?.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: rv(list) } });
    expect((bookmark?.at ?? 0) - started).toBeLessThan(2_500);
  });

  it('streams the initial state then an initial-events-end bookmark with sendInitialEvents', async () => {
    const w = await startWatch<V1Pod>(t.kc, `/api/v1/namespaces/${NS}/pods`, {
      sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: 'NotOlderThan', labelSelector: 'n',
    });
    await waitFor('the initial-events-end bookmark', () => w.events.some((e) => e.type === 'BOOKMARK'));
    w.stop();
    expect(summary(w.events.slice(0, -1))).toEqual(['ADDED old-rv']);
    expect(w.events.at(-1)?.object.metadata?.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  it('filters by spec.nodeName and labels, turning selector transitions into ADDED and DELETED', async () => {
    const list = await t.core.listNamespacedPod({ namespace: NS });
    const w = await startWatch<V1Pod>(t.kc, `/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv(list), fieldSelector: 'spec.nodeName=node-y', labelSelector: 'tier=web' });
    await createPod('sel-1', 'node-y', { tier: 'web' });
    await createPod('sel-2', 'node-x', { tier: 'web' });
    await createPod('sel-3', 'node-y', { tier: 'db' });
    await label('sel-3', { tier: 'web' });
    await label('sel-1', { tier: 'cache' });
    await label('sel-2', { other: 'x' });
    await waitFor('three events', () => w.events.length >= 3);
    await new Promise((r) => setTimeout(r, 100));
    w.stop();
    expect(summary(w.events)).toEqual(['ADDED sel-1', 'ADDED sel-3', 'DELETED sel-1']);
    const byNode = await t.core.listNamespacedPod({ namespace: NS, fieldSelector: 'spec.nodeName=node-y' });
    expect(byNode.items.map((p) => p.metadata?.name).sort()).toEqual(['sel-1', 'sel-3']);
    const bad = await apiFailure(t.core.listNamespacedPod({ namespace: NS, fieldSelector: 'spec.unknownField=x' }));
    expect(bad.code).toBe(400);
    expect(bad.status.reason).toBe('BadRequest');
  });

  it('selects events by involvedObject.name, in LIST and WATCH', async () => {
    const event = (obj: string): CoreV1Event => ({
      metadata: { name: `${obj}.${++seq}` }, involvedObject: { kind: 'Pod', namespace: NS, name: obj, fieldPath: 'spec.containers{app}' },
      reason: 'Testing', message: `about ${obj}`, type: 'Normal', count: 1,
    });
    const list = await t.core.listNamespacedEvent({ namespace: NS });
    const w = await startWatch<CoreV1Event>(t.kc, `/api/v1/namespaces/${NS}/events`, { resourceVersion: rv(list), fieldSelector: 'involvedObject.name=sel-3' });
    for (const o of ['sel-1', 'sel-3', 'sel-2', 'sel-3']) await t.core.createNamespacedEvent({ namespace: NS, body: event(o) });
    await waitFor('two events', () => w.events.length >= 2);
    w.stop();
    expect(w.events.map((e) => e.object.message)).toEqual(['about sel-3', 'about sel-3']);
    const got = await t.core.listNamespacedEvent({ namespace: NS, fieldSelector: 'involvedObject.name=sel-3,involvedObject.fieldPath=spec.containers{app}' });
    expect(got.items.map((e) => e.involvedObject.name)).toEqual(['sel-3', 'sel-3']);
  });

  it('counts API clients\' open watches apart from its own informers at /debug/embedded/watches (cluster-admin only)', async () => {
    type Counts = { kind: string; byTable: Record<string, { remote: number; internal: number }> };
    const counts = async (): Promise<Counts> => (await rawRequest(t.kc, 'GET', '/debug/embedded/watches')).json() as unknown as Counts;
    const remote = (c: Counts): number => c.byTable['core/pods']?.remote ?? 0;
    const before = await counts();
    const w = await startWatch<V1Pod>(t.kc, `/api/v1/namespaces/${NS}/pods`, { allowWatchBookmarks: true });
    const during = await waitFor('the watch counted', async () => { const c = await counts(); return remote(c) > remote(before) ? c : undefined; });
    expect(during.kind).toBe('WatchCounts');
    expect(remote(during)).toBe(remote(before) + 1);
    expect(during.byTable['core/pods']?.internal).toBe(before.byTable['core/pods']?.internal ?? 0);
    w.stop();
    await waitFor('the watch uncounted', async () => remote(await counts()) === remote(before));
    expect((await rawRequest(kubeConfigFor(t.cluster, 'viewer'), 'GET', '/debug/embedded/watches')).status).toBe(403);
  });
});

describe('limit/continue paging', () => {
  it('reads every page from the first page\'s snapshot, whatever changes in between', async () => {
    const ns = 'paging';
    await t.core.createNamespace({ body: { metadata: { name: ns } } });
    for (let i = 0; i < 7; i++) await t.core.createNamespacedPod({ namespace: ns, body: pod(`p-${i}`, 'node-x', { page: 'yes' }) });
    const first = await t.core.listNamespacedPod({ namespace: ns, limit: 3 });
    expect(first.items.map((p) => p.metadata?.name)).toEqual(['p-0', 'p-1', 'p-2']);
    expect(first.metadata?.remainingItemCount).toBe(4);
    // Changes after the first page: a new pod, a deleted one, a relabelled one.
    await t.core.createNamespacedPod({ namespace: ns, body: pod('p-3a', 'node-x', { page: 'yes' }) });
    await t.core.deleteNamespacedPod({ namespace: ns, name: 'p-5', gracePeriodSeconds: 0 });
    await t.core.patchNamespacedPod({ namespace: ns, name: 'p-4', body: { metadata: { labels: { late: 'edit' } } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const second = await t.core.listNamespacedPod({ namespace: ns, limit: 3, _continue: first.metadata?._continue });
    const third = await t.core.listNamespacedPod({ namespace: ns, limit: 3, _continue: second.metadata?._continue });
    expect(second.items.map((p) => p.metadata?.name)).toEqual(['p-3', 'p-4', 'p-5']);
    expect(second.items[1]?.metadata?.labels).toEqual({ page: 'yes' });
    expect(third.items.map((p) => p.metadata?.name)).toEqual(['p-6']);
    expect(third.metadata?._continue).toBeFalsy();
    expect(new Set([rv(first), rv(second), rv(third)]).size).toBe(1);
    // A fresh list sees the present.
    const now = await t.core.listNamespacedPod({ namespace: ns });
    expect(now.items.map((p) => p.metadata?.name)).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-3a', 'p-4', 'p-6']);
    // With a selector the pages are filtered; remainingItemCount is not promised then.
    const sel = await t.core.listNamespacedPod({ namespace: ns, limit: 2, labelSelector: 'late!=edit' });
    const sel2 = await t.core.listNamespacedPod({ namespace: ns, limit: 10, labelSelector: 'late!=edit', _continue: sel.metadata?._continue });
    expect([...sel.items, ...sel2.items].map((p) => p.metadata?.name)).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-3a', 'p-6']);
  });
});
