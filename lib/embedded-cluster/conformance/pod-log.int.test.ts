/**
 * Issue 13, pods/log and the connect subresources: `kubectl logs` (with -c, --previous, -f, --tail, --since,
 * --timestamps) and python's read_namespaced_pod_log read the simulated processes' output — MOSN's hand-over, the
 * nginx app, the hook — and exec/attach/port-forward are refused with a Status that says why. Error texts are those of
 * kube-apiserver + kubelet v1.28.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullyReady, listPods, rawRequest, setMosnImage, waitFor } from '../cluster.testkit';
import { PY_PRELUDE, startConformanceCluster, type ConformanceCluster } from './conformance.testkit';

let c: ConformanceCluster;
let pod = '';

async function ok(args: string[]): Promise<string> {
  const r = await c.kubectl(args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  c = await startConformanceCluster({ speed: 10 });
  const pods = await waitFor('three ready pods', async () => {
    const ps = await listPods(c.core);
    return ps.length === 3 && ps.every(fullyReady) ? ps : undefined;
  }, 30_000);
  pod = pods[0]?.metadata?.name ?? '';
}, 60_000);
afterAll(async () => { await c?.stop(); });

describe('pods/log', () => {
  it('kubectl logs -c mosn-1: the MOSN process listening; -c test-app: nginx', async () => {
    const mosn = await ok(['logs', pod, '-c', 'mosn-1']);
    expect(mosn).toMatch(/^start mosn \(tinyqian\/mosn:v1\)\n/);
    expect(mosn).toContain('[mosn] [server] listening on 0.0.0.0:');
    expect(await ok(['logs', pod, '-c', 'test-app'])).toMatch(/^start nginx \(nginx:1\.20\)\n/);
  });

  it('without -c kubectl picks the first container and says so', async () => {
    const r = await c.kubectl(['logs', pod]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Defaulted container "mosn-1" out of: mosn-1, mosn-2, test-app');
    expect(r.stdout).toContain('[mosn] [server] listening');
  });

  it('a raw request without container is the apiserver\'s 400 listing the containers', async () => {
    const res = await rawRequest(c.kc, 'GET', `/api/v1/namespaces/default/pods/${pod}/log`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'BadRequest', message: `a container name must be specified for pod ${pod}, choose one of: [mosn-1 mosn-2 test-app]` });
    const bad = await c.kubectl(['logs', pod, '-c', 'nope']);
    expect(bad.stderr.trim()).toBe(`error: container nope is not valid for pod ${pod}`);
  });

  it('--tail, --timestamps and --since', async () => {
    const all = (await ok(['logs', pod, '-c', 'mosn-1'])).trimEnd().split('\n');
    expect((await ok(['logs', pod, '-c', 'mosn-1', '--tail=1'])).trimEnd()).toBe(all.at(-1));
    const stamped = (await ok(['logs', pod, '-c', 'mosn-1', '--timestamps'])).trimEnd().split('\n');
    expect(stamped).toHaveLength(all.length);
    expect(stamped[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z start mosn /);
    expect(await ok(['logs', pod, '-c', 'mosn-1', '--since=1h'])).toBe(`${all.join('\n')}\n`);
    expect(await ok(['logs', pod, '-c', 'mosn-1', '--since-time=2999-01-01T00:00:00Z'])).toBe('');
  });

  it('bad options are PodLogOptions 422s', async () => {
    const res = await rawRequest(c.kc, 'GET', `/api/v1/namespaces/default/pods/${pod}/log?container=mosn-1&tailLines=-2&sinceSeconds=0`);
    expect(res.status).toBe(422);
    expect(res.json().message).toBe(`PodLogOptions "${pod}" is invalid: [tailLines: Invalid value: -2: must be greater than or equal to 0, sinceSeconds: Invalid value: 0: must be greater than 0]`);
  });

  it('--previous before any restart is the kubelet\'s "not found"', async () => {
    const r = await c.kubectl(['logs', pod, '-c', 'mosn-1', '--previous']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`Error from server (BadRequest): previous terminated container "mosn-1" in pod "${pod}" not found`);
  });

  it('python read_namespaced_pod_log with tail_lines', async () => {
    const r = await c.python(`${PY_PRELUDE}
print(json.dumps(core.read_namespaced_pod_log("${pod}", "default", container="mosn-1", tail_lines=2)))
`);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as string).trimEnd().split('\n')).toHaveLength(2);
  });

  it('exec, attach and port-forward are refused with a Status that says why', async () => {
    const exec = await c.kubectl(['exec', pod, '-c', 'mosn-1', '--', 'ls']);
    expect(exec.code).toBe(1);
    expect(exec.stderr).toContain('exec is not supported by the embedded cluster');
    const raw = await rawRequest(c.kc, 'POST', `/api/v1/namespaces/default/pods/${pod}/portforward?ports=2045`);
    expect(raw.status).toBe(400);
    expect(raw.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: expect.stringContaining('port-forward is not supported by the embedded cluster') });
    const missing = await rawRequest(c.kc, 'POST', '/api/v1/namespaces/default/pods/nope/exec?command=ls');
    expect(missing.status).toBe(404);
  });

  it('-f follows the old MOSN through its hand-over until it exits; --previous then shows it', async () => {
    const follow = c.kubectlStream(['logs', '-f', pod, '-c', 'mosn-1']);
    await waitFor('the current log', () => follow.output().includes('[mosn] [server] listening'));
    await setMosnImage(c.custom, 'tinyqian/mosn:v2');
    const code = await waitFor('kubectl logs -f to end with the process', () => follow.child.exitCode !== null || undefined, 60_000).then(() => follow.exited);
    expect(code).toBe(0);
    expect(follow.output()).toMatch(/\[mosn\] \[reconfigure\] new MOSN pid \d+ connected; sending listener fds/);
    expect(follow.output()).toMatch(/exit 0\n$/);
    await waitFor('mosn-1 restarted into the empty slot', async () => {
      const p = (await c.core.readNamespacedPod({ name: pod, namespace: 'default' }));
      return p.status?.containerStatuses?.find((s) => s.name === 'mosn-1')?.restartCount === 1;
    }, 60_000);
    const previous = await ok(['logs', pod, '-c', 'mosn-1', '--previous']);
    expect(previous).toContain('[mosn] [reconfigure] stop accepting; waiting for connections to migrate');
    // The new MOSN's side of the hand-over, in the other slot.
    expect(await ok(['logs', pod, '-c', 'mosn-2'])).toMatch(/old MOSN pid \d+ found via .*reconfig\.sock: hot upgrade/);
  });
});
