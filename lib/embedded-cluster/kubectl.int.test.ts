/**
 * Issue 2, "Done when" #1: the real `kubectl`, against a running `npm run cluster` (the seed scenario), succeeds
 * at `get sidecarsets`, `get pods -o wide`, `describe pod`, `get events`, `patch sidecarset mosn --type=json`,
 * `get pods -w` (it streams) and `delete pod`; the viewer context is Forbidden on the patch. The assertions are on
 * what kubectl prints. (`apply -f` is in kubectl-apply.int.test.ts, against an empty cluster.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api } from '@kubernetes/client-node';
import { parseGoDuration, startCliCluster, type CliCluster } from './cli.testkit';
import { fullyReady, waitFor } from './cluster.testkit';

let c: CliCluster;
let pods: string[] = [];

/** Rows of a kubectl table (header dropped), split on runs of 2+ spaces as kubectl pads them. */
const rows = (stdout: string): string[][] => stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s{2,}/));

async function ok(args: string[]): Promise<string> {
  const r = await c.kubectl(args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  c = await startCliCluster(['--speed', '10']);
  const core = c.kc.makeApiClient(CoreV1Api);
  await waitFor('three ready pods', async () => {
    const ps = (await core.listNamespacedPod({ namespace: 'default' })).items;
    return ps.length === 3 && ps.every(fullyReady);
  }, 30_000);
  pods = rows(await ok(['get', 'pods'])).map((r) => r[0] ?? '');
}, 90_000);
afterAll(async () => { await c?.stop(); });

describe('kubectl against `npm run cluster`', () => {
  it('prints the CLI\'s ready line and a kubeconfig with admin, viewer and upgrader contexts', async () => {
    expect(c.output()).toMatch(/^embedded cluster ready at https:\/\/127\.0\.0\.1:\d+ \(scenario seed, speed 10x\); kubeconfig .* \(contexts embedded-admin, embedded-viewer, embedded-upgrader, embedded-auditor\)$/m);
    expect((await ok(['config', 'get-contexts', '-o', 'name'])).trim().split('\n').sort()).toEqual(['embedded-admin', 'embedded-auditor', 'embedded-upgrader', 'embedded-viewer']);
  });

  it('get sidecarsets', async () => {
    const out = await ok(['get', 'sidecarsets']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+MATCHED\s+UPDATED\s+READY\s+AGE$/);
    expect(rows(out)).toEqual([['mosn', '3', '3', '3', expect.stringMatching(/^\d+s$/)]]);
  });

  it('get pods -o wide', async () => {
    const out = await ok(['get', 'pods', '-o', 'wide']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    const r = rows(out);
    expect(r).toHaveLength(3);
    for (const row of r) {
      expect(row).toEqual([
        expect.stringMatching(/^test-app-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/), '3/3', 'Running', '0',
        expect.stringMatching(/^\d+s$/), expect.stringMatching(/^10\.244\.\d+\.\d+$/), expect.stringMatching(/^embedded-node-\d$/), '<none>', '<none>',
      ]);
    }
  });

  it('describe pod shows the injected containers, the Kruise annotations and the kubelet events', async () => {
    const name = pods[0] ?? '';
    const out = await ok(['describe', 'pod', name]);
    expect(out).toMatch(new RegExp(`^Name:\\s+${name}$`, 'm'));
    expect(out).toMatch(/^Controlled By:\s+ReplicaSet\/test-app-[4-9bcdf]+$/m);
    expect(out).toMatch(/^Containers:\n {2}mosn-1:\n/m);
    expect(out).toMatch(/^ {2}mosn-2:$/m);
    expect(out).toMatch(/^ {2}test-app:$/m);
    expect(out).toMatch(/^ {4}Image:\s+tinyqian\/mosn:v1$/m);
    expect(out).toMatch(/^ {4}Image:\s+openkruise\/hotupgrade-sample:empty$/m);
    expect(out).toMatch(/^ {4}Image ID:\s+docker\.io\/tinyqian\/mosn@sha256:[0-9a-f]{64}$/m);
    expect(out).toMatch(/SIDECARSET_VERSION:\s+\(v1:metadata\.annotations\['version\.sidecarset\.kruise\.io\/mosn-1'\]\)/);
    expect(out).toContain('kruise.io/sidecarset-working-hotupgrade-container: {"mosn":"mosn-1"}');
    expect(out).toMatch(/^ {2}Ready\s+True\s*$/m);
    const events = out.slice(out.indexOf('\nEvents:'));
    expect(events).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\//);
    expect(events).toMatch(/Normal\s+Created\s+\S+\s+kubelet\s+Created container: mosn-1/);
    expect(events).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container mosn-2/);
  });

  it('get events: the kubelet\'s Pulled says how long, and "including waiting" is never less than the pull', async () => {
    const out = await ok(['get', 'events']);
    expect(out.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    const pulled = [...out.matchAll(/Successfully pulled image "([^"]+)" in (\S+) \((\S+) including waiting\)\. Image size: \d+ bytes\./g)];
    expect(pulled.length).toBeGreaterThanOrEqual(3);
    for (const m of pulled) expect(parseGoDuration(m[3] ?? ''), m[0]).toBeGreaterThanOrEqual(parseGoDuration(m[2] ?? ''));
    expect(out).toMatch(/Normal\s+SuccessfulCreate\s+replicaset\/test-app-\S+\s+Created pod: test-app-/);
    expect(out).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/test-app\s+Scaled up replica set test-app-\S+ from 0 to 3/);
  });

  it('the viewer context may get but is Forbidden to patch, with kube-apiserver\'s message', async () => {
    expect(rows(await ok(['--context', 'embedded-viewer', 'get', 'sidecarsets']))[0]?.[0]).toBe('mosn');
    const r = await c.kubectl(['--context', 'embedded-viewer', 'patch', 'sidecarset', 'mosn', '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"tinyqian/mosn:v9"}]']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (Forbidden): sidecarsets.apps.kruise.io "mosn" is forbidden: User "viewer" cannot patch resource "sidecarsets" in API group "apps.kruise.io" at the cluster scope');
    expect((await ok(['get', 'sidecarset', 'mosn', '-o', 'jsonpath={.spec.containers[0].image}']))).toBe('tinyqian/mosn:v1');
  });

  it('patch --type=json upgrades mosn while `get pods -w` streams the restarts', async () => {
    const watch = c.kubectlStream(['get', 'pods', '-w']);
    await waitFor('the initial table from get pods -w', () => watch.output().split('\n').filter((l) => l.startsWith('test-app-')).length >= 3);
    const initialLines = watch.output().split('\n').length;
    const out = await ok(['patch', 'sidecarset', 'mosn', '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"tinyqian/mosn:v2"}]']);
    expect(out.trim()).toBe('sidecarset.apps.kruise.io/mosn patched');
    await waitFor('get pods -w to stream an update line', () => watch.output().split('\n').length > initialLines + 1);
    await waitFor('every pod 3/3 Running with RESTARTS 2', async () => {
      const r = rows((await c.kubectl(['get', 'pods'])).stdout);
      return r.length === 3 && r.every((x) => x[1] === '3/3' && x[2] === 'Running' && /^2 \(\d+s ago\)$/.test(x[3] ?? ''));
    }, 60_000);
    await waitFor('the stream to show a pod at RESTARTS 2', () => /^test-app-\S+\s+3\/3\s+Running\s+2 \(\d+s ago\)/m.test(watch.output()));
    expect(watch.child.exitCode).toBeNull();
    watch.child.kill('SIGTERM');
    // The counters catch up one 5 s requeue after the last pod's reset restarted.
    await waitFor('get sidecarsets to show 3 3 3', async () => rows(await ok(['get', 'sidecarsets']))[0]?.slice(0, 4).join() === 'mosn,3,3,3');
    expect(await ok(['get', 'pod', pods[0] ?? '', '-o', 'jsonpath={.metadata.annotations.kruise\\.io/sidecarset-working-hotupgrade-container}'])).toBe('{"mosn":"mosn-2"}');
  });

  it('delete pod: the Deployment recreates it, newly injected with the current image', async () => {
    const victim = pods[1] ?? '';
    expect((await ok(['delete', 'pod', victim])).trim()).toBe(`pod "${victim}" deleted`);
    const fresh = await waitFor('a replacement pod, 3/3 Running', async () => {
      const r = rows((await c.kubectl(['get', 'pods'])).stdout);
      const added = r.filter((x) => !pods.includes(x[0] ?? ''));
      return r.length === 3 && added.length === 1 && added[0]?.[1] === '3/3' && added[0][2] === 'Running' && added[0][3] === '0' ? added[0][0] : undefined;
    }, 30_000);
    expect(rows((await ok(['get', 'pods'])).replace(/\n$/, '')).map((x) => x[0])).not.toContain(victim);
    const images = await ok(['get', 'pod', fresh, '-o', 'jsonpath={range .spec.containers[*]}{.name}={.image}{"\\n"}{end}']);
    expect(images.trim().split('\n')).toEqual(['mosn-1=tinyqian/mosn:v2', 'mosn-2=openkruise/hotupgrade-sample:empty', 'test-app=nginx:1.20']);
  });
});
