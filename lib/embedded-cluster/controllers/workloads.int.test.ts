/**
 * The Deployment keeps its replicas alive (issue 2, Core v1): a deleted pod is replaced by a new one, injected
 * with the SidecarSet's *current* image; `deployments/scale` and DELETE on a pod collection work as kubectl and
 * client libraries use them. Everything over HTTPS through @kubernetes/client-node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import {
  annotation, apiFailure, counters, fullyReady, getSidecarSet, listPods, rawRequest, restarts, setMosnImage, specImage,
  startTestCluster, waitFor, type TestCluster,
} from '../cluster.testkit';

const NS = 'default';
const LABEL = 'mesh.apsara-edge.com/mosn-injected=true';
const EMPTY = 'openkruise/hotupgrade-sample:empty';
let t: TestCluster;

async function readyPods(n: number, what: string): Promise<V1Pod[]> {
  return waitFor(what, async () => {
    const ps = (await listPods(t.core, LABEL)).filter((p) => !p.metadata?.deletionTimestamp);
    return ps.length === n && ps.every(fullyReady) ? ps : undefined;
  }, 30_000);
}

/** A pod freshly injected with the SidecarSet as it is now: slot 1 on `image`, slot 2 empty, nothing restarted. */
function expectFreshlyInjected(p: V1Pod, image: string, ssHash: string | undefined, revision: string | undefined): void {
  expect([specImage(p, 'mosn-1'), specImage(p, 'mosn-2'), specImage(p, 'test-app')]).toEqual([image, EMPTY, 'nginx:1.20']);
  expect(JSON.parse(annotation(p, 'kruise.io/sidecarset-working-hotupgrade-container') ?? '{}')).toEqual({ mosn: 'mosn-1' });
  expect(annotation(p, 'version.sidecarset.kruise.io/mosn-1')).toBe('1');
  expect(annotation(p, 'versionalt.sidecarset.kruise.io/mosn-2')).toBe('1');
  const hash = JSON.parse(annotation(p, 'kruise.io/sidecarset-hash') ?? '{}') as Record<string, { hash?: string; controllerRevision?: string }>;
  expect(hash.mosn?.hash).toBe(ssHash);
  expect(hash.mosn?.controllerRevision).toBe(revision);
  expect(annotation(p, 'kruise.io/sidecarset-inplace-update-state')).toBeUndefined();
  expect(restarts(p)).toBe(0);
}

beforeAll(async () => {
  t = await startTestCluster({ speed: 20 });
  await t.cluster.waitForReadyPods(3, 30_000);
  await waitFor('status [3,3,3,3]', async () => counters(await getSidecarSet(t.custom)).join() === '3,3,3,3');
});
afterAll(async () => { await t?.stop(); });

describe('Deployment test-app', () => {
  it('names its ReplicaSet and pods with a Kubernetes-shaped pod-template-hash', async () => {
    const rs = (await t.apps.listNamespacedReplicaSet({ namespace: NS })).items;
    expect(rs).toHaveLength(1);
    const hash = rs[0]?.metadata?.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(rs[0]?.metadata?.name).toBe(`test-app-${hash}`);
    for (const p of await listPods(t.core, LABEL)) {
      expect(p.metadata?.name).toMatch(new RegExp(`^test-app-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: `test-app-${hash}`, controller: true });
    }
  });

  it('replaces a deleted pod with one injected with the current SidecarSet image', async () => {
    const patched = await setMosnImage(t.custom, 'tinyqian/mosn:v2');
    const ss = await waitFor('rollout to v2', async () => {
      const s = await getSidecarSet(t.custom);
      return s.status?.observedGeneration === patched.metadata.generation && counters(s).join() === '3,3,3,3' ? s : undefined;
    }, 60_000);
    const before = await readyPods(3, 'three upgraded pods');
    const victim = before[0]?.metadata?.name ?? '';
    const deleted = await t.core.deleteNamespacedPod({ namespace: NS, name: victim });
    expect(deleted.metadata?.deletionTimestamp).toBeDefined();
    const after = await readyPods(3, 'a replacement pod');
    const names = after.map((p) => p.metadata?.name ?? '');
    expect(names).not.toContain(victim);
    const fresh = after.filter((p) => !before.some((b) => b.metadata?.name === p.metadata?.name));
    expect(fresh).toHaveLength(1);
    expectFreshlyInjected(fresh[0] as V1Pod, 'tinyqian/mosn:v2', ss.metadata.annotations?.['kruise.io/sidecarset-hash'], ss.status?.latestRevision);
    expect((await apiFailure(t.core.readNamespacedPod({ namespace: NS, name: victim }))).code).toBe(404);
    const events = await t.core.listNamespacedEvent({ namespace: NS, fieldSelector: 'involvedObject.kind=ReplicaSet,reason=SuccessfulCreate' });
    expect(events.items.map((e) => e.message)).toContain(`Created pod: ${fresh[0]?.metadata?.name ?? ''}`);
    await waitFor('status [3,3,3,3]', async () => counters(await getSidecarSet(t.custom)).join() === '3,3,3,3');
  });

  it('serves deployments/scale: scaling up adds injected pods, a negative count is 422', async () => {
    const scale = await t.apps.readNamespacedDeploymentScale({ namespace: NS, name: 'test-app' });
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { replicas: 3, selector: LABEL } });
    const up = await t.apps.patchNamespacedDeploymentScale({ namespace: NS, name: 'test-app', body: { spec: { replicas: 4 } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    expect(up.spec?.replicas).toBe(4);
    const pods = await readyPods(4, 'four pods');
    // Whichever slot works (mosn-2 on upgraded pods, mosn-1 on new ones) runs the current image.
    for (const p of pods) {
      const working = (JSON.parse(annotation(p, 'kruise.io/sidecarset-working-hotupgrade-container') ?? '{}') as { mosn?: string }).mosn ?? '';
      expect(specImage(p, working)).toBe('tinyqian/mosn:v2');
    }
    await waitFor('matchedPods 4', async () => counters(await getSidecarSet(t.custom)).join() === '4,4,4,4');
    const d = await t.apps.readNamespacedDeployment({ namespace: NS, name: 'test-app' });
    expect(d.spec?.replicas).toBe(4);
    expect(d.metadata?.generation).toBe(2);
    const bad = await apiFailure(t.apps.replaceNamespacedDeploymentScale({ namespace: NS, name: 'test-app', body: { metadata: { name: 'test-app' }, spec: { replicas: -1 } } }));
    expect(bad.code).toBe(422);
    expect(bad.status.details?.causes?.[0]).toMatchObject({ field: 'spec.replicas' });
    const stale = await apiFailure(t.apps.replaceNamespacedDeploymentScale({ namespace: NS, name: 'test-app', body: { metadata: { name: 'test-app', resourceVersion: scale.metadata?.resourceVersion }, spec: { replicas: 2 } } }));
    expect(stale.code).toBe(409);
    const down = await t.apps.replaceNamespacedDeploymentScale({ namespace: NS, name: 'test-app', body: { metadata: { name: 'test-app' }, spec: { replicas: 2 } } });
    expect(down.spec?.replicas).toBe(2);
    await readyPods(2, 'two pods');
  });

  it('deletes a pod collection by label selector, and the Deployment brings every replica back injected', async () => {
    const before = await readyPods(2, 'two pods');
    // client-node types the answer as a Status, so only `kind` of the returned PodList survives decoding.
    const res = await t.core.deleteCollectionNamespacedPod({ namespace: NS, labelSelector: LABEL });
    expect(res.kind).toBe('PodList');
    for (const b of before) {
      const gone = await t.core.readNamespacedPod({ namespace: NS, name: b.metadata?.name ?? '' }).then((p) => !!p.metadata?.deletionTimestamp, () => true);
      expect(gone, `${b.metadata?.name ?? ''} deleted`).toBe(true);
    }
    const after = await readyPods(2, 'two new pods');
    expect(after.filter((p) => before.some((b) => b.metadata?.name === p.metadata?.name))).toEqual([]);
    const ss = await getSidecarSet(t.custom);
    for (const p of after) expectFreshlyInjected(p, 'tinyqian/mosn:v2', ss.metadata.annotations?.['kruise.io/sidecarset-hash'], ss.status?.latestRevision);
    // Namespaces do not offer deletecollection (as in Kubernetes): 405.
    const ns = await rawRequest(t.kc, 'DELETE', '/api/v1/namespaces');
    expect(ns.status).toBe(405);
    expect(ns.json()).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', message: 'deletecollection is not supported on resources of kind "namespaces"' });
  });
});
