/**
 * Issue 2, "Done when" #5: bad input gets a Kubernetes Status with the right code, and the store stays
 * consistent — malformed JSON (400), an invalid SidecarSet edit (422 with causes), a stale resourceVersion (409),
 * an unknown resource (404), a wrong token (401), an oversized body (413), a failed json-patch `test` (422).
 * Every request goes over HTTPS with @kubernetes/client-node's configuration; after each one the SidecarSet reads
 * back unchanged, and a watch opened before them all sees no event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import {
  apiFailure, getSidecarSet, kubeConfigFor, patchSidecarSet, rawRequest, SS, startTestCluster, startWatch, waitFor,
  type TestCluster, type WatchHandle,
} from '../cluster.testkit';
import type { SidecarSet } from '../kruise';
import { mosnSidecarSet } from '../scenarios/seed';

const SS_PATH = '/apis/apps.kruise.io/v1beta1/sidecarsets';
let t: TestCluster;
let baseline: SidecarSet;
let watch: WatchHandle<SidecarSet>;

/** The SidecarSet must read back exactly as before the bad request: same resourceVersion, same content. */
async function unchanged(): Promise<void> {
  expect(await getSidecarSet(t.custom)).toEqual(baseline);
}

beforeAll(async () => {
  t = await startTestCluster({ scenario: 'empty' });
  await t.custom.createClusterCustomObject({ ...SS, version: 'v1alpha1', body: mosnSidecarSet() });
  baseline = await waitFor('the controller to write the first status', async () => {
    const ss = await getSidecarSet(t.custom);
    return ss.status?.observedGeneration === 1 ? ss : undefined;
  });
  watch = await startWatch<SidecarSet>(t.kc, SS_PATH, { resourceVersion: baseline.metadata.resourceVersion });
});
afterAll(async () => {
  watch?.stop();
  await t?.stop();
});

describe('bad input → Kubernetes Status, store unchanged', () => {
  it('malformed JSON is 400 BadRequest on create, update and patch', async () => {
    for (const [method, path, type] of [
      ['POST', SS_PATH, 'application/json'],
      ['PUT', `${SS_PATH}/mosn`, 'application/json'],
      ['PATCH', `${SS_PATH}/mosn`, 'application/merge-patch+json'],
      ['PATCH', `${SS_PATH}/mosn`, 'application/json-patch+json'],
    ] as const) {
      const res = await rawRequest(t.kc, method, path, '{"apiVersion":"apps.kruise.io/v1beta1","kind":"SidecarSet","spec":{', { 'Content-Type': type });
      expect(res.status, `${method} ${type}`).toBe(400);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400 });
      await unchanged();
    }
  });

  it('an upgradeType change is 422 Invalid from the validating webhook, with causes', async () => {
    const { code, status } = await apiFailure(patchSidecarSet(t.custom, [{ op: 'replace', path: '/spec/containers/0/upgradeStrategy/upgradeType', value: 'ColdUpgrade' }]));
    expect(code).toBe(422);
    expect(status).toMatchObject({
      kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422,
      message: 'admission webhook "vsidecarset.kb.io" denied the request: spec.containers.upgradeStrategy.upgradeType: Invalid value: "mosn": container mosn upgradeType is immutable',
      details: { name: 'mosn', group: 'apps.kruise.io', kind: 'SidecarSet' },
    });
    expect(status.details?.causes).toEqual([{ reason: 'FieldValueInvalid', field: 'spec.containers.upgradeStrategy.upgradeType', message: 'Invalid value: "mosn": container mosn upgradeType is immutable' }]);
    await unchanged();
  });

  it('adding a container to an existing SidecarSet is 422 Invalid', async () => {
    const { code, status } = await apiFailure(patchSidecarSet(t.custom, [{ op: 'add', path: '/spec/containers/-', value: { name: 'envoy', image: 'envoyproxy/envoy:v1.30.1' } }]));
    expect(code).toBe(422);
    expect(status.reason).toBe('Invalid');
    expect(status.details?.causes).toContainEqual({ reason: 'FieldValueInvalid', field: 'spec.containers.name', message: 'Invalid value: "envoy": container envoy is not found' });
    await unchanged();
  });

  it('an update with a stale resourceVersion is 409 Conflict', async () => {
    const stale = { ...baseline, metadata: { ...baseline.metadata, resourceVersion: String(Number(baseline.metadata.resourceVersion) - 1) } };
    stale.spec = { ...stale.spec, updateStrategy: { ...stale.spec.updateStrategy, paused: true } };
    const { code, status } = await apiFailure(t.custom.replaceClusterCustomObject({ ...SS, version: 'v1beta1', name: 'mosn', body: stale }));
    expect(code).toBe(409);
    expect(status).toMatchObject({
      reason: 'Conflict', code: 409,
      message: 'Operation cannot be fulfilled on sidecarsets.apps.kruise.io "mosn": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'mosn', group: 'apps.kruise.io', kind: 'sidecarsets' },
    });
    await unchanged();
    // A delete with a stale resourceVersion precondition is refused the same way.
    const del = await apiFailure(t.custom.deleteClusterCustomObject({ ...SS, version: 'v1beta1', name: 'mosn', body: { preconditions: { resourceVersion: '1' } } }));
    expect(del.code).toBe(409);
    await unchanged();
  });

  it('an unknown resource or group is 404 NotFound as a Status', async () => {
    for (const path of ['/apis/apps.kruise.io/v1beta1/widgets', '/apis/apps.kruise.io/v1beta1/widgets/x', '/api/v1/namespaces/default/gizmos', '/apis/nope.example.com/v1/things', '/apis/apps.kruise.io/v9/sidecarsets']) {
      const res = await rawRequest(t.kc, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.json(), path).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
    }
    const missing = await apiFailure(t.custom.getClusterCustomObject({ ...SS, version: 'v1beta1', name: 'nope' }));
    expect(missing).toMatchObject({ code: 404, status: { reason: 'NotFound', message: 'sidecarsets.apps.kruise.io "nope" not found', details: { name: 'nope', group: 'apps.kruise.io', kind: 'sidecarsets' } } });
    await unchanged();
  });

  it('a wrong token is 401 Unauthorized, for reads and writes', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(t.cluster.kubeconfig().replace(t.cluster.tokens.admin, 'not-a-valid-token'));
    expect((await apiFailure(kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default' }))).code).toBe(401);
    const res = await rawRequest(kc, 'PATCH', `${SS_PATH}/mosn`, '{"spec":{"updateStrategy":{"paused":true}}}', { 'Content-Type': 'application/merge-patch+json' });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', message: 'Unauthorized', code: 401 });
    await unchanged();
  });

  it('the viewer may read but gets 403 Forbidden with kube-apiserver\'s message on a write', async () => {
    const viewer = kubeConfigFor(t.cluster, 'viewer');
    expect((await getSidecarSet(viewer.makeApiClient((await import('@kubernetes/client-node')).CustomObjectsApi))).metadata.name).toBe('mosn');
    const res = await rawRequest(viewer, 'PATCH', `${SS_PATH}/mosn`, '{"spec":{"updateStrategy":{"paused":true}}}', { 'Content-Type': 'application/merge-patch+json' });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({
      reason: 'Forbidden', code: 403,
      message: 'sidecarsets.apps.kruise.io "mosn" is forbidden: User "viewer" cannot patch resource "sidecarsets" in API group "apps.kruise.io" at the cluster scope',
      details: { name: 'mosn', group: 'apps.kruise.io', kind: 'sidecarsets' },
    });
    await unchanged();
  });

  it('a body over 3 MiB is 413 RequestEntityTooLarge', async () => {
    const huge = JSON.stringify({ ...baseline, metadata: { ...baseline.metadata, annotations: { padding: 'x'.repeat(3 * 1024 * 1024 + 10) } } });
    const res = await rawRequest(t.kc, 'PUT', `${SS_PATH}/mosn`, huge, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'RequestEntityTooLarge', code: 413, message: 'Request entity too large: limit is 3145728' });
    await unchanged();
  });

  it('a json-patch whose `test` fails is 422 and applies none of its operations', async () => {
    const { code, status } = await apiFailure(patchSidecarSet(t.custom, [
      { op: 'replace', path: '/spec/updateStrategy/paused', value: true },
      { op: 'test', path: '/spec/containers/0/image', value: 'tinyqian/mosn:v0' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'tinyqian/mosn:v2' },
    ]));
    expect(code).toBe(422);
    expect(status).toMatchObject({ reason: 'Invalid', code: 422, message: 'the server rejected our request due to an error in our request' });
    await unchanged();
    // The same patch with the right expectation goes through: the check is the `test`, not the rest.
    const ok = await t.custom.patchClusterCustomObject({ ...SS, version: 'v1beta1', name: 'mosn', body: [
      { op: 'test', path: '/spec/containers/0/image', value: 'tinyqian/mosn:v1' },
    ] }, setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)) as SidecarSet;
    expect(ok.metadata.resourceVersion).toBe(baseline.metadata.resourceVersion);
  });

  it('left the store exactly as it was: no watch event, same object, no stray objects', async () => {
    await new Promise((r) => setTimeout(r, 200));
    expect(watch.events.map((e) => e.type)).toEqual([]);
    await unchanged();
    const all = await t.custom.listClusterCustomObject({ ...SS, version: 'v1beta1' }) as { items: SidecarSet[] };
    expect(all.items.map((s) => s.metadata.name)).toEqual(['mosn']);
  });
});
