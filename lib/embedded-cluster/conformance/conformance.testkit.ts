/**
 * Test support for the client conformance suite (conformance/*.int.test.ts): an in-process embedded cluster
 * with its kubeconfig on disk, and the real clients people point at it — `kubectl` (1.32) and Debian's
 * python3-kubernetes (`/usr/bin/python3`) — run as child processes against it over HTTPS.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterOptions } from '../cluster';
import { startTestCluster, type TestCluster } from '../cluster.testkit';
import type { KubectlResult } from '../cli.testkit';

export interface ConformanceCluster extends TestCluster {
  kubeconfigPath: string;
  kubectl(args: string[], opts?: { timeoutMs?: number; stdin?: string }): Promise<KubectlResult>;
  /** A long-running kubectl (`logs -f`): its output so far and whether it exited. */
  kubectlStream(args: string[]): { child: ChildProcess; output(): string; exited: Promise<number | null> };
  /** Run a Python script with `kubernetes` importable and KUBECONFIG set; its stdout is usually one JSON line. */
  python(script: string, timeoutMs?: number): Promise<KubectlResult>;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, stdin?: string): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

export async function startConformanceCluster(opts: ClusterOptions = {}): Promise<ConformanceCluster> {
  const t = await startTestCluster(opts);
  const dir = mkdtempSync(join(tmpdir(), 'embedded-conformance-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, t.cluster.kubeconfig('admin'), { mode: 0o600 });
  const env = { ...process.env, HOME: dir, KUBECONFIG: kubeconfigPath };
  const streams: ChildProcess[] = [];
  const base = ['--kubeconfig', kubeconfigPath, '--cache-dir', join(dir, 'cache')];
  return {
    ...t,
    kubeconfigPath,
    kubectl: (args, o = {}) => run('kubectl', [...base, ...args], env, o.timeoutMs ?? 30_000, o.stdin),
    kubectlStream(args) {
      const child = spawn('kubectl', [...base, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      streams.push(child);
      let text = '';
      child.stdout?.on('data', (b: Buffer) => { text += b.toString('utf8'); });
      child.stderr?.on('data', (b: Buffer) => { text += b.toString('utf8'); });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, output: () => text, exited };
    },
    python: (script, timeoutMs = 30_000) => run('/usr/bin/python3', ['-c', script], env, timeoutMs),
    async stop() {
      // Only the processes started here, by their own handle.
      for (const child of streams) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await t.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The preamble of every Python check: a typed client from the kubeconfig, and JSON out. */
export const PY_PRELUDE = `
import json, sys
from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException
config.load_kube_config()
core = client.CoreV1Api()
`;
