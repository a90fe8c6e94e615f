/**
 * Issue 13, "query parameters parsed as kube-apiserver parses them": Python's `watch=True`, dryRun, fieldValidation
 * and resourceVersionMatch, through the real clients. Expected answers are kube-apiserver v1.28's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, waitFor } from '../cluster.testkit';
import { PY_PRELUDE, startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;

beforeAll(async () => {
  c = await startConformanceCluster({ scenario: 'empty' });
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('query parameters', () => {
  it("python's watch.Watch().stream (watch=True) gets events, and its 410 handling runs", async () => {
    const list = await c.core.listNamespace();
    const rv = list.metadata?.resourceVersion ?? '';
    await c.core.createNamespace({ body: { metadata: { name: 'py-watch' } } });
    const r = await c.python(`${PY_PRELUDE}
w = watch.Watch()
seen = []
for ev in w.stream(core.list_namespace, resource_version="${rv}", timeout_seconds=5):
    seen.append([ev["type"], ev["object"].metadata.name])
    if ev["object"].metadata.name == "py-watch":
        w.stop()
try:
    for ev in watch.Watch().stream(core.list_namespace, resource_version="1", timeout_seconds=5):
        pass
    gone = None
except ApiException as e:
    gone = e.status
print(json.dumps({"seen": seen, "gone": gone}))
`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: string[][]; gone: number | null };
    expect(out.seen).toContainEqual(['ADDED', 'py-watch']);
    // The 410 Expired arrives as an ERROR event; the client raises it as ApiException(410).
    expect(out.gone).toBe(410);
  });

  it('watch=True and watch=1 stream; watch=false and watch=0 list (Convert_Slice_string_To_bool)', async () => {
    for (const [v, streams] of [['True', true], ['1', true], ['t', true], ['false', false], ['0', false], ['FALSE', false]] as const) {
      const res = await rawRequest(c.kc, 'GET', `/api/v1/namespaces?watch=${v}&timeoutSeconds=1`);
      expect(res.status, v).toBe(200);
      if (streams) expect(res.text.split('\n')[0], v).toMatch(/^\{"type":"ADDED","object":\{.*"kind":"Namespace"/);
      else expect(res.json().kind, v).toBe('NamespaceList');
    }
  });

  it('dryRun=Foo on a PATCH is a 422 and nothing is stored; dryRun=All answers without storing', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'dry' } } });
    const bad = await c.kubectl(['patch', 'namespace', 'dry', '--type=merge', '-p', '{"metadata":{"labels":{"x":"1"}}}', '--dry-run=server']);
    expect(bad.code).toBe(0);
    const raw = await rawRequest(c.kc, 'PATCH', '/api/v1/namespaces/dry?dryRun=Foo', '{"metadata":{"labels":{"x":"2"}}}', { 'Content-Type': 'application/merge-patch+json' });
    expect(raw.status).toBe(422);
    expect(raw.json()).toMatchObject({
      kind: 'Status', reason: 'Invalid', code: 422,
      message: 'PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Foo"}: supported values: "All"',
      details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueNotSupported', field: 'dryRun' }] },
    });
    const ns = await c.core.readNamespace({ name: 'dry' });
    expect(ns.metadata?.labels?.x).toBeUndefined();
  });

  it('fieldValidation must be one of its values', async () => {
    const raw = await rawRequest(c.kc, 'POST', '/api/v1/namespaces?fieldValidation=Loud', '{"metadata":{"name":"fv"}}', { 'Content-Type': 'application/json' });
    expect(raw.status).toBe(422);
    expect(raw.json().message).toBe('CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loud": supported values: "", "Ignore", "Strict", "Warn"');
    await expect(c.core.readNamespace({ name: 'fv' })).rejects.toMatchObject({ code: 404 });
  });

  it('resourceVersionMatch without a resourceVersion is a 422; limit must be an integer', async () => {
    const raw = await rawRequest(c.kc, 'GET', '/api/v1/namespaces?resourceVersionMatch=NotOlderThan');
    expect(raw.status).toBe(422);
    expect(raw.json().message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
    const r = await c.kubectl(['get', '--raw', '/api/v1/namespaces?limit=ten']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (BadRequest): strconv.ParseInt: parsing "ten": invalid syntax');
  });

  it('python list with resource_version_match works as on a real server', async () => {
    const rv = (await c.core.listNamespace()).metadata?.resourceVersion ?? '';
    await waitFor('rv', () => rv !== '');
    const r = await c.python(`${PY_PRELUDE}
l = core.list_namespace(resource_version="${rv}", resource_version_match="NotOlderThan")
print(json.dumps({"n": len(l.items)}))
`);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { n: number }).n).toBeGreaterThanOrEqual(3);
  });
});
