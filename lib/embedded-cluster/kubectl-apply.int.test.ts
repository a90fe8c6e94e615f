/**
 * Issue 2, "Done when" #1 (`apply -f`): the seed article's SidecarSet (verbatim, `postStar:` typo included) and its
 * Deployment (converted to apps/v1), from docs/examples/seed-article.yaml, applied with the real `kubectl` to
 * `npm run cluster -- --scenario empty`; then re-applied with changes to check the update path, and scaled.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startCliCluster, type CliCluster } from './cli.testkit';
import { waitFor } from './cluster.testkit';

const MANIFEST = join(REPO_ROOT, 'docs/examples/seed-article.yaml');
let c: CliCluster;

const rows = (stdout: string): string[][] => stdout.trim().split('\n').slice(1).filter((l) => l.trim()).map((l) => l.trim().split(/\s{2,}/));

async function ok(args: string[]): Promise<string> {
  const r = await c.kubectl(args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

/** Wait until `kubectl get pods` shows exactly `n` pods, all `3/3 Running` with the given RESTARTS prefix. */
function podsRunning(n: number, restarts: string): Promise<string[][]> {
  return waitFor(`${n} pods 3/3 Running, RESTARTS ${restarts}`, async () => {
    const r = rows((await c.kubectl(['get', 'pods'])).stdout);
    return r.length === n && r.every((x) => x[1] === '3/3' && x[2] === 'Running' && (x[3] ?? '').startsWith(restarts)) ? r : undefined;
  }, 60_000);
}

/** The manifest with text replaced, written next to the kubeconfig. */
function variant(name: string, edits: Array<[string, string]>): string {
  let text = readFileSync(MANIFEST, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const path = join(c.dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  c = await startCliCluster(['--scenario', 'empty', '--speed', '10']);
}, 90_000);
afterAll(async () => { await c?.stop(); });

describe('kubectl apply -f docs/examples/seed-article.yaml', () => {
  it('keeps the article\'s SidecarSet verbatim, typo included, and its Deployment as apps/v1', () => {
    const text = readFileSync(MANIFEST, 'utf8');
    expect(text).toContain('apiVersion: apps.kruise.io/v1alpha1');
    expect(text).toMatch(/lifecycle:\n\s+postStar:\n\s+exec:/);
    expect(text).toContain('  namespace: default\n');
    expect(text).toMatch(/^apiVersion: apps\/v1\nkind: Deployment$/m);
    expect(text).toMatch(/extensions\/v1beta1.*1\.16/s);
  });

  it('creates both objects; the pod comes up injected, 3/3 Running', async () => {
    expect((await ok(['apply', '-f', MANIFEST])).trim().split('\n')).toEqual(['sidecarset.apps.kruise.io/mosn created', 'deployment.apps/test-app created']);
    const [pod] = await podsRunning(1, '0');
    const name = pod?.[0] ?? '';
    expect(name).toMatch(/^test-app-[4-9bcdf]{1,10}-\w{5}$/);
    const images = await ok(['get', 'pod', name, '-o', 'jsonpath={range .spec.containers[*]}{.name}={.image}{"\\n"}{end}']);
    expect(images.trim().split('\n')).toEqual(['mosn-1=tinyqian/mosn:v1', 'mosn-2=openkruise/hotupgrade-sample:empty', 'test-app=nginx:1.20']);
    // `postStar` is no Kubernetes field: the webhook's Go round trip drops it, so nothing runs at start (spec §7.6).
    expect(await ok(['get', 'sidecarset', 'mosn', '-o', 'jsonpath={.spec.containers[0].lifecycle}'])).toBe('{}');
    expect(await ok(['get', 'pod', name, '-o', 'jsonpath={.spec.containers[0].lifecycle}'])).toBe('{}');
    // The v1alpha1 `namespace: default` is stored as a v1beta1 namespaceSelector (spec §1.2).
    expect(await ok(['get', 'sidecarsets.v1beta1.apps.kruise.io', 'mosn', '-o', 'jsonpath={.spec.namespaceSelector.matchLabels}'])).toBe('{"kubernetes.io/metadata.name":"default"}');
    await waitFor('get sidecarsets to count the pod', async () => rows(await ok(['get', 'sidecarsets']))[0]?.slice(0, 4).join() === 'mosn,1,1,1');
  });

  it('re-applying unchanged leaves the Deployment unchanged and bumps no generation', async () => {
    const gen = await ok(['get', 'sidecarset', 'mosn', '-o', 'jsonpath={.metadata.generation}']);
    const out = (await ok(['apply', '-f', MANIFEST])).trim().split('\n');
    expect(out[1]).toBe('deployment.apps/test-app unchanged');
    // kubectl still sends the fields the server drops (postStar, namespace), so it says "configured", as it would
    // against a real Kruise; the object itself does not change.
    expect(out[0]).toBe('sidecarset.apps.kruise.io/mosn configured');
    expect(await ok(['get', 'sidecarset', 'mosn', '-o', 'jsonpath={.metadata.generation}'])).toBe(gen);
  });

  it('re-applying a new image hot-upgrades the pod in place (RESTARTS 2), and a replica change scales it', async () => {
    const v2 = variant('v2.yaml', [['image: tinyqian/mosn:v1', 'image: tinyqian/mosn:v2']]);
    expect((await ok(['apply', '-f', v2])).trim().split('\n')).toEqual(['sidecarset.apps.kruise.io/mosn configured', 'deployment.apps/test-app unchanged']);
    const [pod] = await podsRunning(1, '2');
    expect(await ok(['get', 'pod', pod?.[0] ?? '', '-o', 'jsonpath={.spec.containers[1].image}'])).toBe('tinyqian/mosn:v2');
    const three = variant('v2-3.yaml', [['image: tinyqian/mosn:v1', 'image: tinyqian/mosn:v2'], ['replicas: 1', 'replicas: 3']]);
    expect((await ok(['apply', '-f', three])).trim().split('\n')[1]).toBe('deployment.apps/test-app configured');
    const pods = await waitFor('three pods', async () => {
      const r = rows((await c.kubectl(['get', 'pods'])).stdout);
      return r.length === 3 && r.every((x) => x[1] === '3/3' && x[2] === 'Running') ? r : undefined;
    }, 60_000);
    expect(pods.filter((x) => x[3] === '0')).toHaveLength(2);
    expect((await ok(['scale', 'deployment', 'test-app', '--replicas=2'])).trim()).toBe('deployment.apps/test-app scaled');
    await waitFor('two pods', async () => rows((await c.kubectl(['get', 'deployment', 'test-app'])).stdout)[0]?.[1] === '2/2');
  });
});
