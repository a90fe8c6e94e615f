/**
 * Issue 13, the kinds common clients expect: the SidecarSet CRD (read-only; `kubectl get crd
 * sidecarsets.apps.kruise.io` is the usual "is Kruise installed" check), ServiceAccounts, ConfigMaps, Secrets,
 * Services, and coordination.k8s.io/v1 Leases with watch and optimistic concurrency (leader election).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinationV1Api, type V1Lease } from '@kubernetes/client-node';
import { apiFailure, rawRequest, startWatch, waitFor } from '../cluster.testkit';
import { PY_PRELUDE, startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;

async function ok(args: string[], stdin?: string): Promise<string> {
  const r = await c.kubectl(args, { stdin });
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}
const rows = (out: string): string[][] => out.trim().split('\n').slice(1).map((l) => l.trim().split(/\s{2,}/));

beforeAll(async () => {
  c = await startConformanceCluster({ scenario: 'empty' });
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('CustomResourceDefinitions', () => {
  it('kubectl get crd sidecarsets.apps.kruise.io: installed and Established', async () => {
    const out = await ok(['get', 'crd', 'sidecarsets.apps.kruise.io']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+CREATED AT$/);
    expect(rows(out)).toEqual([['sidecarsets.apps.kruise.io', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)]]);
    const established = await ok(['get', 'crd', 'sidecarsets.apps.kruise.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Established")].status} {.spec.versions[*].name} {.status.storedVersions}']);
    expect(established).toBe('True v1alpha1 v1beta1 ["v1beta1"]');
    expect(await ok(['wait', '--for=condition=Established', 'crd/sidecarsets.apps.kruise.io', '--timeout=5s'])).toContain('condition met');
  });

  it('is read-only: writes are 405', async () => {
    const r = await c.kubectl(['delete', 'crd', 'sidecarsets.apps.kruise.io']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MethodNotAllowed');
    const res = await rawRequest(c.kc, 'PATCH', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/sidecarsets.apps.kruise.io', '{}', { 'Content-Type': 'application/merge-patch+json' });
    expect(res.status).toBe(405);
  });

  it('python: list_custom_resource_definition', async () => {
    const r = await c.python(`${PY_PRELUDE}
ext = client.ApiextensionsV1Api()
print(json.dumps([d.metadata.name for d in ext.list_custom_resource_definition().items]))
`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['sidecarsets.apps.kruise.io']);
  });
});

describe('services, configmaps, secrets, serviceaccounts', () => {
  it('kubectl apply and get them with real tables', async () => {
    // `kubectl create <kind>` sends protobuf for built-in kinds; apply sends JSON.
    const gen = async (args: string[]): Promise<string> => ok([...args, '--dry-run=client', '-o', 'json']);
    for (const args of [['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2'], ['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret'],
      ['create', 'serviceaccount', 'robot'], ['create', 'service', 'clusterip', 'web', '--tcp=80:8080']]) {
      await ok(['apply', '-f', '-'], await gen(args));
    }
    expect(rows(await ok(['get', 'configmap', 'cfg']))).toEqual([['cfg', '2', expect.stringMatching(/^\d+s$/)]]);
    expect(rows(await ok(['get', 'secret', 'pw']))).toEqual([['pw', 'Opaque', '1', expect.stringMatching(/^\d+s$/)]]);
    expect(rows(await ok(['get', 'sa']))).toEqual([['default', '0', expect.any(String)], ['robot', '0', expect.any(String)]]);
    const svc = rows(await ok(['get', 'svc', '-o', 'wide']));
    expect(svc).toContainEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', expect.any(String), '<none>']);
    expect(svc).toContainEqual(['web', 'ClusterIP', expect.stringMatching(/^10\.96\.\d+\.\d+$/), '<none>', '80/TCP', expect.any(String), 'app=web']);
    expect(await ok(['get', 'secret', 'pw', '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
  });

  it('python: string_data is folded into data; a bad ConfigMap key is a 422', async () => {
    const r = await c.python(`${PY_PRELUDE}
s = core.create_namespaced_secret("default", client.V1Secret(metadata=client.V1ObjectMeta(name="py"), string_data={"token": "abc"}))
try:
    core.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="bad"), data={"bad key": "x"}))
    bad = None
except ApiException as e:
    bad = [e.status, json.loads(e.body)["message"]]
print(json.dumps({"data": s.data, "string_data": s.string_data, "type": s.type, "bad": bad}))
`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { data: Record<string, string>; string_data: unknown; type: string; bad: [number, string] };
    expect(out).toMatchObject({ data: { token: Buffer.from('abc').toString('base64') }, string_data: null, type: 'Opaque' });
    expect(out.bad[0]).toBe(422);
    expect(out.bad[1]).toMatch(/^ConfigMap "bad" is invalid: data\[bad key\]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters/);
  });
});

describe('the serviceaccounts controller', () => {
  it('gives every new namespace a default ServiceAccount, and recreates it when deleted', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'team' } } });
    const first = await waitFor('team/default', () => c.core.readNamespacedServiceAccount({ namespace: 'team', name: 'default' }));
    await ok(['delete', 'sa', 'default', '-n', 'team']);
    const again = await waitFor('team/default recreated', async () => {
      const sa = await c.core.readNamespacedServiceAccount({ namespace: 'team', name: 'default' });
      return sa.metadata?.uid !== first.metadata?.uid ? sa : undefined;
    });
    expect(again.metadata?.name).toBe('default');
  });
});

describe('coordination.k8s.io/v1 Leases', () => {
  it('optimistic concurrency and watch, as leader election uses them', async () => {
    const leases = c.kc.makeApiClient(CoordinationV1Api);
    const w = await startWatch<V1Lease>(c.kc, '/apis/coordination.k8s.io/v1/namespaces/default/leases');
    const now = new Date();
    const created = await leases.createNamespacedLease({ namespace: 'default', body: {
      metadata: { name: 'leader' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: now, renewTime: now, leaseTransitions: 0 },
    } });
    const renewed = await leases.replaceNamespacedLease({ namespace: 'default', name: 'leader', body: { ...created, spec: { ...created.spec, renewTime: new Date() } } });
    expect(Number(renewed.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    // A contender holding the stale copy loses.
    const stale = await apiFailure(leases.replaceNamespacedLease({ namespace: 'default', name: 'leader', body: { ...created, spec: { ...created.spec, holderIdentity: 'b' } } }));
    expect(stale.code).toBe(409);
    expect(stale.status.message).toBe('Operation cannot be fulfilled on leases.coordination.k8s.io "leader": the object has been modified; please apply your changes to the latest version and try again');
    const bad = await apiFailure(leases.createNamespacedLease({ namespace: 'default', body: { metadata: { name: 'zero' }, spec: { leaseDurationSeconds: 0 } } }));
    expect(bad.status.message).toBe('Lease.coordination.k8s.io "zero" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0');
    expect(rows(await ok(['get', 'leases']))).toEqual([['leader', 'a', expect.any(String)]]);
    await new Promise((r) => setTimeout(r, 200));
    w.stop();
    expect(w.events.map((e) => [e.type, e.object.spec?.holderIdentity])).toEqual([['ADDED', 'a'], ['MODIFIED', 'a']]);
  });
});
