/**
 * Issue 13, protobuf request bodies: kubectl's typed clients send built-in kinds as
 * `application/vnd.kubernetes.protobuf` (the `k8s\0` + runtime.Unknown envelope). `kubectl auth can-i`,
 * `auth can-i --list`, `auth whoami`, `create namespace|deployment|configmap|secret|serviceaccount|service` got 415;
 * they now work as against kube-apiserver v1.28 (responses stay JSON, which kubectl's Accept allows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullyReady, listPods, waitFor } from '../cluster.testkit';
import { startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;

async function ok(args: string[], context?: string): Promise<string> {
  const full = context ? ['--context', context, ...args] : args;
  const r = await c.kubectl(full);
  expect(r.stderr, `kubectl ${full.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${full.join(' ')}`).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  c = await startConformanceCluster({ scenario: 'empty', speed: 10 });
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('protobuf request bodies (kubectl)', () => {
  it('kubectl auth can-i, can-i --list and whoami', async () => {
    expect((await ok(['auth', 'can-i', 'create', 'pods'])).trim()).toBe('yes');
    const viewer = await c.kubectl(['--context', 'embedded-viewer', 'auth', 'can-i', 'create', 'pods']);
    expect([viewer.code, viewer.stdout.trim()]).toEqual([1, 'no']);
    expect(await ok(['auth', 'can-i', '--list', '--context', 'embedded-upgrader'])).toMatch(/^sidecarsets\.apps\.kruise\.io\s+\[\]\s+\[\]\s+\[.*patch.*\]$/m);
    expect(await ok(['auth', 'whoami'])).toMatch(/^Username\s+admin$/m);
  });

  it('kubectl create namespace, deployment, configmap, secret, serviceaccount and service', async () => {
    expect((await ok(['create', 'namespace', 'pb'])).trim()).toBe('namespace/pb created');
    expect((await ok(['create', 'deployment', 'web', '--image=nginx:1.20', '--replicas=2', '--port=80'])).trim()).toBe('deployment.apps/web created');
    expect((await ok(['create', 'configmap', 'cfg', '--from-literal=a=1'])).trim()).toBe('configmap/cfg created');
    expect((await ok(['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret'])).trim()).toBe('secret/pw created');
    expect((await ok(['create', 'serviceaccount', 'robot'])).trim()).toBe('serviceaccount/robot created');
    expect((await ok(['create', 'service', 'clusterip', 'web', '--tcp=80:8080'])).trim()).toBe('service/web created');
    expect(await ok(['get', 'secret', 'pw', '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.strategy.type} {.spec.template.spec.containers[0].ports[0].containerPort}'])).toBe('2 RollingUpdate 80');
    await waitFor('the deployment\'s two pods to run', async () => {
      const pods = await listPods(c.core, 'app=web');
      return pods.length === 2 && pods.every(fullyReady);
    }, 30_000);
  });

  it('kubectl run (a Pod in protobuf)', async () => {
    expect((await ok(['run', 'solo', '--image=nginx:1.20', '--port=80', '--labels=app=solo'])).trim()).toBe('pod/solo created');
    await waitFor('the pod to run', async () => (await listPods(c.core, 'app=solo')).every(fullyReady) || undefined, 30_000);
    expect(await ok(['get', 'pod', 'solo', '-o', 'jsonpath={.spec.containers[0].ports[0].containerPort} {.spec.restartPolicy}'])).toBe('80 Always');
  });

  it('--replicas=0 survives the round trip (proto2 presence)', async () => {
    await ok(['create', 'deployment', 'idle', '--image=nginx:1.20', '--replicas=0']);
    expect(await ok(['get', 'deploy', 'idle', '-o', 'jsonpath={.spec.replicas}'])).toBe('0');
  });

  it('validation and strict decoding still apply to protobuf bodies', async () => {
    const r = await c.kubectl(['create', 'namespace', 'Bad_Name']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The Namespace "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label/);
  });
});
