import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ApiEndpoint } from './https-client';
import { processMemoryMB } from './machine';
import type { Disposable } from './types';

export interface ClusterProcessOptions {
  scenario: string;
  /** Extra CLI flags, e.g. ['--pods', '10000']. */
  args: string[];
  /** Write a V8 CPU profile of the server process into this directory (node --cpu-prof). */
  cpuProfDir?: string;
  readyTimeoutMs?: number;
  /** Run the CLI of another checkout (with its own node_modules or a link to one), for before/after comparisons. */
  root?: string;
}

export interface ClusterProcess extends Disposable {
  pid: number;
  endpoint: ApiEndpoint;
  /** The kubeconfig the CLI wrote (admin, viewer and upgrader contexts), e.g. for a dashboard to connect with. */
  kubeconfig: string;
  /** Wall time from spawn to the CLI's ready line (scenario setup included). */
  startupMs: number;
  memoryMB(): { rss: number; hwm: number };
}

interface KubeconfigShape {
  clusters?: Array<{ cluster?: { server?: string; 'certificate-authority-data'?: string } }>;
  users?: Array<{ name?: string; user?: { token?: string } }>;
}

function readEndpoint(path: string): ApiEndpoint {
  const kc = parseYaml(readFileSync(path, 'utf8')) as KubeconfigShape;
  const cluster = kc.clusters?.[0]?.cluster;
  const token = kc.users?.find((u) => u.name?.endsWith('-admin'))?.user?.token;
  const caData = cluster?.['certificate-authority-data'];
  if (!cluster?.server || !token || !caData) throw new Error(`kubeconfig ${path} lacks server, admin token or CA`);
  return { url: cluster.server, token, ca: Buffer.from(caData, 'base64').toString('utf8') };
}

/**
 * Run the embedded cluster CLI in its own process, so the benchmark's clients never share the server's event
 * loop. `node --import tsx` rather than the `tsx` wrapper: the wrapper would put a second process in between,
 * and the PID we sample for RSS (and profile) must be the server itself.
 */
export async function startClusterProcess(opts: ClusterProcessOptions): Promise<ClusterProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const nodeArgs = ['--import', 'tsx'];
  // One directory per process kind; node names the files CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile
  // (thread 0 is the main thread, the other one is tsx's loader).
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(opts.cpuProfDir, 'server')}`);
  const args = [...nodeArgs, 'lib/embedded-cluster/cli.ts', '--scenario', opts.scenario, '--port', '0', '--no-trigger', '--kubeconfig', kubeconfig, ...opts.args];
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: opts.root ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cluster not ready after ${opts.readyTimeoutMs ?? 120_000} ms:\n${output}`)), opts.readyTimeoutMs ?? 120_000);
    const onData = (d: Buffer): void => {
      output += d.toString('utf8');
      if (/embedded cluster ready at/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`cluster exited with ${code}:\n${output}`)); });
  });
  const startupMs = performance.now() - t0;
  const pid = child.pid;
  if (pid === undefined) throw new Error('cluster process has no pid');
  return {
    pid,
    endpoint: readEndpoint(kubeconfig),
    kubeconfig,
    startupMs,
    memoryMB: () => processMemoryMB(pid),
    async dispose() {
      // SIGTERM lets the CLI stop cleanly, which is also when node writes the --cpu-prof profile.
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
