/**
 * Issue 13, decoding of built-in types: wrong JSON types are 400s (nothing stored, so typed clients can still
 * decode the list), unknown fields are dropped with a Warning (default), refused with fieldValidation=Strict (what
 * kubectl sends by default), metadata limits, and the kind-mismatch message. Expected answers: kube-apiserver v1.28.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../cluster.testkit';
import { PY_PRELUDE, startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;
const JSON_CT = { 'Content-Type': 'application/json' };

const podJson = (name: string, port: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx:1.20', ports: [{ containerPort: port }], ...extra }] },
});

beforeAll(async () => {
  c = await startConformanceCluster({ scenario: 'empty' });
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('decoding built-in types', () => {
  it('containerPort "eighty" is a 400 with the decoder\'s words, nothing is stored, python can still list pods', async () => {
    const res = await rawRequest(c.kc, 'POST', '/api/v1/namespaces/default/pods', podJson('eighty', 'eighty'), JSON_CT);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    });
    const viaKubectl = await c.kubectl(['create', '-f', '-'], { stdin: podJson('eighty', 'eighty') });
    expect(viaKubectl.code).toBe(1);
    expect(viaKubectl.stderr).toContain('cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    await c.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'good' }, spec: { containers: [{ name: 'web', image: 'nginx:1.20', ports: [{ containerPort: 80 }] }] } } });
    const py = await c.python(`${PY_PRELUDE}
print(json.dumps(sorted(p.metadata.name for p in core.list_namespaced_pod("default").items)))
`);
    expect(py.stderr).toBe('');
    expect(JSON.parse(py.stdout)).toEqual(['good']);
  });

  it('a merge patch with a wrong type is a bare 400 and changes nothing', async () => {
    const res = await rawRequest(c.kc, 'PATCH', '/api/v1/namespaces/default/pods/good', '{"spec":{"activeDeadlineSeconds":"soon"}}', { 'Content-Type': 'application/merge-patch+json' });
    expect(res.status).toBe(400);
    expect(res.json().message).toBe('json: cannot unmarshal string into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64');
  });

  it('unknown fields: dropped with a Warning by default, refused by kubectl\'s default Strict, dropped by --validate=false', async () => {
    const warn = await rawRequest(c.kc, 'POST', '/api/v1/namespaces/default/pods', podJson('warned', 80, { imagePullPolicyy: 'Always' }), JSON_CT);
    expect(warn.status).toBe(201);
    expect(warn.headers.warning).toBe('299 - "unknown field \\"spec.containers[0].imagePullPolicyy\\""');
    expect((await c.core.readNamespacedPod({ namespace: 'default', name: 'warned' })).spec?.containers[0]).not.toHaveProperty('imagePullPolicyy');

    const strict = await c.kubectl(['create', '-f', '-'], { stdin: podJson('strict', 80, { imagePullPolicyy: 'Always' }) });
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim()).toBe('Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"');

    const lax = await c.kubectl(['create', '--validate=false', '-f', '-'], { stdin: podJson('lax', 80, { imagePullPolicyy: 'Always' }) });
    expect(lax.stderr).toBe('');
    expect(lax.stdout.trim()).toBe('pod/lax created');

    const warnKubectl = await c.kubectl(['create', '--validate=warn', '-f', '-'], { stdin: podJson('warnk', 80, { imagePullPolicyy: 'Always' }) });
    expect(warnKubectl.stderr.trim()).toBe('Warning: unknown field "spec.containers[0].imagePullPolicyy"');
  });

  it('a 300 KiB annotation is a 422 (256 KiB limit); bad label keys and values are 422s', async () => {
    const big = JSON.stringify({ metadata: { name: 'big', annotations: { note: 'x'.repeat(300 * 1024) } } });
    const res = await rawRequest(c.kc, 'POST', '/api/v1/namespaces', big, JSON_CT);
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'Invalid', details: { causes: [{ reason: 'FieldValueTooLong', field: 'metadata.annotations' }] } });
    expect(res.json().message).toMatch(/^Namespace "big" is invalid: metadata\.annotations: Too long: .*262144 bytes$/);
    await expect(c.core.readNamespace({ name: 'big' })).rejects.toMatchObject({ code: 404 });

    const label = await c.kubectl(['create', 'namespace', 'labelled', '--dry-run=client', '-o', 'json']);
    const ns = JSON.parse(label.stdout) as { metadata: { labels?: Record<string, string> } };
    ns.metadata.labels = { 'bad key!': 'x', ok: 'not ok!' };
    const bad = await rawRequest(c.kc, 'POST', '/api/v1/namespaces', JSON.stringify(ns), JSON_CT);
    expect(bad.status).toBe(422);
    expect(bad.json().message).toContain(`metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters`);
    expect(bad.json().message).toContain(`metadata.labels: Invalid value: "not ok!": a valid label must be an empty string or consist of alphanumeric characters`);
  });

  it('a body of another kind is refused with the scheme\'s words, not "(v1) does not match (v1)"', async () => {
    const res = await rawRequest(c.kc, 'POST', '/api/v1/namespaces', podJson('p', 80), JSON_CT);
    expect(res.status).toBe(400);
    expect(res.json().message).toBe('Pod in version "v1" cannot be handled as a Namespace: converting (v1.Pod) to (core.Namespace): unknown conversion');
    const ss = await rawRequest(c.kc, 'POST', '/apis/apps.kruise.io/v1beta1/sidecarsets', JSON.stringify({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'Pod', metadata: { name: 'x' } }), JSON_CT);
    expect(ss.status).toBe(422);
    expect(ss.json().message).toBe('SidecarSet.apps.kruise.io "x" is invalid: kind: Invalid value: "Pod": must be SidecarSet');
  });
});
