import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processMemoryMB } from './machine';
import { listeningPid, processName } from './proc-net';
import type { Disposable } from './types';

export interface DashboardProcessOptions {
  /** The cluster to show (DASHBOARD_KUBECONFIG). */
  kubeconfig: string;
  distDir: string;
  /** node --cpu-prof into this directory. */
  cpuProfDir?: string;
}

export interface HttpResult {
  status: number;
  body: Buffer;
  /** Request sent → last byte received (ms). */
  ms: number;
}

export interface DashboardProcess extends Disposable {
  /** The process that listens: `next-server`, found by its socket, never the wrapper that spawned it. */
  pid: number;
  command: string;
  url: string;
  memoryMB(): { rss: number; hwm: number };
  get(path: string, headers?: Record<string, string>): Promise<HttpResult>;
  /** Ask the preloaded probe (dashboard-probe.mjs) for `/memory[?gc=1]` or `/dashboards`. */
  probe<T>(path: string): Promise<T>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function httpGet(agent: Agent, options: { host?: string; port?: number; socketPath?: string; path: string; headers?: Record<string, string> }): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ ...options, method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * `next start` of the benchmark build, in its own process, pointed at a cluster by DASHBOARD_KUBECONFIG, as a
 * deployment would run it. The probe preload and --expose-gc only add a way to read its memory; no route changes.
 */
export async function startDashboard(opts: DashboardProcessOptions): Promise<DashboardProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  const socketPath = join(dir, 'probe.sock');
  const nodeArgs = ['--expose-gc', '--import', fileURLToPath(new URL('./dashboard-probe.mjs', import.meta.url))];
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(opts.cpuProfDir, 'dashboard')}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  // A clean environment for the dashboard: no inherited access mode, kubeconfig or dist dir of the caller's.
  for (const k of Object.keys(env)) if (k.startsWith('DASHBOARD_') || k.startsWith('NEXT_') || k === 'KUBECONFIG') delete env[k];
  Object.assign(env, {
    DASHBOARD_KUBECONFIG: opts.kubeconfig, DASHBOARD_IGNORE_HOME_KUBECONFIG: '1', NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: opts.distDir, BENCH_PROBE_SOCKET: socketPath,
  });
  const args = [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString('utf8'); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString('utf8'); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const root = child.pid;
  if (root === undefined) throw new Error('dashboard process has no pid');

  const deadline = Date.now() + 60_000;
  let pid: number | undefined;
  while (!(pid = listeningPid(root, port))) {
    if (child.exitCode !== null) throw new Error(`dashboard exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`dashboard not listening on ${port} after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const serverPid = pid;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const probeAgent = new Agent({ keepAlive: false });
  return {
    pid: serverPid,
    command: processName(serverPid),
    url: `http://127.0.0.1:${port}`,
    memoryMB: () => processMemoryMB(serverPid),
    // Next closes idle keep-alive connections after 5 s; a GET that raced that close is simply sent again.
    get: (path, headers) => httpGet(agent, { host: '127.0.0.1', port, path, headers }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET') throw e;
      return httpGet(agent, { host: '127.0.0.1', port, path, headers });
    }),
    async probe<T>(path: string): Promise<T> {
      const r = await httpGet(probeAgent, { socketPath, path });
      if (r.status !== 200) throw new Error(`probe ${path}: HTTP ${r.status}`);
      return JSON.parse(r.body.toString('utf8')) as T;
    },
    async dispose() {
      agent.destroy();
      // SIGTERM lets next exit normally, which is also when node writes the --cpu-prof profile.
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
