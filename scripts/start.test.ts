/** `npm start -- --kubeconfig FILE` refuses a missing or malformed kubeconfig before Next starts, with where it is broken. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const start = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/start.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env, KUBECONFIG: '' }, timeout: 20_000 });

describe('scripts/start.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-test-'));
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: "https://x"\ncontexts: []\n');

  it('fails fast on a missing file', () => {
    const r = start(['--kubeconfig', join(dir, 'nope.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
  });

  it('fails fast on malformed YAML, naming file, line and column', () => {
    const r = start(['--kubeconfig', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`invalid kubeconfig: ${broken}:5:1: Flow map in block collection`);
  });

  it('checks DASHBOARD_KUBECONFIG the same way', () => {
    const r = start([], { DASHBOARD_KUBECONFIG: broken });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${broken}:5:1`);
  });
});
