/**
 * Test support for the kubectl integration tests: run `npm run cluster` (the CLI) as a child process on a free
 * port with a temporary kubeconfig, and run the real `kubectl` against it with its own cache directory.
 * Only processes started here are ever stopped, by their pid.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliCluster {
  dir: string;
  kubeconfigPath: string;
  kc: KubeConfig;
  /** Everything the CLI printed so far. */
  output(): string;
  kubectl(args: string[], timeoutMs?: number): Promise<KubectlResult>;
  /** A long-running kubectl (e.g. `get pods -w`), with its output so far. */
  kubectlStream(args: string[]): { child: ChildProcess; output(): string };
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL'); }, 5_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    process.kill(child.pid as number, 'SIGTERM');
  });
}

/** Start `tsx lib/embedded-cluster/cli.ts` and resolve once it prints its ready line. */
export async function startCliCluster(args: string[], readyTimeoutMs = 60_000): Promise<CliCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-kubectl-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const port = await freePort();
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['lib/embedded-cluster/cli.ts', '--port', String(port), '--kubeconfig', kubeconfigPath, ...args], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => { out += b.toString('utf8'); });
  child.stderr?.on('data', (b: Buffer) => { out += b.toString('utf8'); });
  const streams: ChildProcess[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cluster CLI not ready after ${readyTimeoutMs} ms:\n${out}`)), readyTimeoutMs);
    const check = (): void => {
      if (out.includes('embedded cluster ready at')) { clearTimeout(timer); resolve(); }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`cluster CLI exited with ${String(code)}:\n${out}`)); });
  });
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const base = ['--kubeconfig', kubeconfigPath, '--cache-dir', join(dir, 'cache')];
  const env = { ...process.env, HOME: dir, KUBECONFIG: kubeconfigPath };
  return {
    dir,
    kubeconfigPath,
    kc,
    output: () => out,
    kubectl: (a, timeoutMs = 30_000) => new Promise((resolve) => {
      execFile('kubectl', [...base, ...a], { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    }),
    kubectlStream(a) {
      const c = spawn('kubectl', [...base, ...a], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      streams.push(c);
      let text = '';
      c.stdout?.on('data', (b: Buffer) => { text += b.toString('utf8'); });
      c.stderr?.on('data', (b: Buffer) => { text += b.toString('utf8'); });
      return { child: c, output: () => text };
    },
    async stop() {
      await Promise.all(streams.map(stopChild));
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Go's time.Duration.String() for what the kubelet prints: `943ms`, `1.826s`, `1m2.5s`. */
export function parseGoDuration(s: string): number {
  let ms = 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, µs: 0.001, us: 0.001, ns: 0.000001 };
  for (const m of s.matchAll(re)) ms += Number(m[1]) * (unit[m[2] ?? 's'] ?? 0);
  return ms;
}
