/**
 * A kubeconfig that loads but breaks when used (a context whose CA file is unreadable), and one that does not
 * load at all: both become a reason the header and the API can show, never a bare 500.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error';
import { ClusterSession } from './cluster-session';
import { clusterSource } from './session-registry';
import { loadKubeconfigFile } from './kubeconfig-file';

const dir = mkdtempSync(join(tmpdir(), 'broken-kubeconfig-'));

describe('a broken kubeconfig', () => {
  it('whose CA file cannot be read leaves the session unreachable with the reason', async () => {
    const path = join(dir, 'bad-ca.yaml');
    writeFileSync(path, `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", certificate-authority: "${dir}/missing-ca.crt"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`);
    const kc = loadKubeconfigFile(path);
    const s = new ClusterSession(kc, 'x', 'kubeconfig', path);
    await s.start();
    expect(s.state.phase).toBe('unreachable');
    expect('message' in s.state ? s.state.message : '').toContain('missing-ca.crt');
    s.stop();
  });

  it('that is malformed is refused with file, line and column', () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: "https://x"\ncontexts: []\n');
    expect(() => loadKubeconfigFile(path)).toThrow(`${path}:5:1:`);
  });

  it('named by DASHBOARD_KUBECONFIG makes the server answer 503 InvalidKubeconfig with the place, and retries', async () => {
    const path = join(dir, 'env-broken.yaml');
    writeFileSync(path, 'contexts: [\n');
    process.env.DASHBOARD_KUBECONFIG = path;
    try {
      const err = await clusterSource().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(ClusterError);
      expect(err).toMatchObject({ status: 503, reason: 'InvalidKubeconfig', message: expect.stringMatching(new RegExp(`^${path}:\\d+:\\d+: `)) });
      // Fixed on disk: the next request uses it, no restart needed.
      writeFileSync(path, 'apiVersion: v1\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n');
      expect((await clusterSource()).kubeconfig.getCurrentContext()).toBe('x');
    } finally {
      delete process.env.DASHBOARD_KUBECONFIG;
    }
  });
});
