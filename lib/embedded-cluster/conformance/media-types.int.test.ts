/**
 * Issue 13, response media types: `Accept: application/yaml` gets YAML (objects, lists, write responses), what
 * cannot be produced is a 406 and changes nothing, JSON stays the default. As kube-apiserver v1.28 negotiates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { rawRequest } from '../cluster.testkit';
import { startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;

beforeAll(async () => {
  c = await startConformanceCluster({ scenario: 'empty' });
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('response media types', () => {
  it('Accept: application/yaml gets YAML for a get, a list and a create', async () => {
    const one = await rawRequest(c.kc, 'GET', '/api/v1/namespaces/default', undefined, { Accept: 'application/yaml' });
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toBe('application/yaml');
    expect(one.text).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n {2}creationTimestamp: "?\d{4}-/);
    expect((parseYaml(one.text) as { metadata: { name: string } }).metadata.name).toBe('default');

    const list = await rawRequest(c.kc, 'GET', '/api/v1/namespaces', undefined, { Accept: 'application/yaml' });
    const parsed = parseYaml(list.text) as { kind: string; items: Array<{ metadata: { name: string } }> };
    expect(parsed.kind).toBe('NamespaceList');
    expect(parsed.items.map((i) => i.metadata.name)).toContain('kube-system');

    const created = await rawRequest(c.kc, 'POST', '/api/v1/namespaces/default/configmaps', 'metadata:\n  name: y\ndata:\n  k: v\n',
      { 'Content-Type': 'application/yaml', Accept: 'application/yaml' });
    expect(created.status).toBe(201);
    expect(parseYaml(created.text)).toMatchObject({ kind: 'ConfigMap', data: { k: 'v' } });
  });

  it('errors are Status objects in YAML too when YAML was asked for', async () => {
    const res = await rawRequest(c.kc, 'GET', '/api/v1/namespaces/nope', undefined, { Accept: 'application/yaml' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/yaml');
    expect(parseYaml(res.text)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'namespaces "nope" not found', code: 404 });
  });

  it('what cannot be produced is a 406, and the write does not happen', async () => {
    const res = await rawRequest(c.kc, 'POST', '/api/v1/namespaces/default/configmaps', '{"metadata":{"name":"html"}}',
      { 'Content-Type': 'application/json', Accept: 'text/html' });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({ reason: 'NotAcceptable', message: 'only the following media types are accepted: application/json, application/yaml' });
    await expect(c.core.readNamespacedConfigMap({ namespace: 'default', name: 'html' })).rejects.toMatchObject({ code: 404 });
  });

  it('JSON stays the default, and kubectl -o yaml still works', async () => {
    const res = await rawRequest(c.kc, 'GET', '/api/v1/namespaces/default');
    expect(res.headers['content-type']).toBe('application/json');
    const r = await c.kubectl(['get', 'ns', 'default', '-o', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^apiVersion: v1\nkind: Namespace\n/);
  });
});

describe('server-side apply (not served yet)', () => {
  it('kubectl apply --server-side is a clear 415, for new and existing objects alike', async () => {
    const manifest = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa' }, data: { a: 'b' } });
    const fresh = await c.kubectl(['apply', '--server-side', '-f', '-'], { stdin: manifest });
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('server-side apply (application/apply-patch+yaml) is not supported by the embedded cluster');
    await expect(c.core.readNamespacedConfigMap({ namespace: 'default', name: 'ssa' })).rejects.toMatchObject({ code: 404 });
  });
});
