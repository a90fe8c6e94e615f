import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEndpoint } from './https-client';
import { summarize } from './stats';
import type { AgentReport, DrainReport, FromAgent, ToAgent } from './watch-protocol';

export interface WatcherPool {
  /** Forget what was received so far (warm-up traffic). Resolves once every agent has, so later writes all count. */
  reset(): Promise<void>;
  drain(expectRvs: number[], timeoutMs: number): Promise<DrainReport>;
  close(): Promise<void>;
}

interface Agent {
  ask(m: ToAgent): Promise<FromAgent>;
  close(): Promise<void>;
}

function startAgent(cpuProfDir: string | undefined): Agent {
  const child: ChildProcess = fork(fileURLToPath(new URL('./watch-agent.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfDir, 'watch-agent')}`] : [])],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: Array<{ resolve: (m: FromAgent) => void; reject: (e: Error) => void }> = [];
  child.on('message', (m) => waiters.shift()?.resolve(m as FromAgent));
  child.on('exit', (code) => { for (const w of waiters.splice(0)) w.reject(new Error(`watch agent exited with ${code}`)); });
  return {
    ask: (m) => new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
      child.send(m);
    }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ type: 'close' } satisfies ToAgent);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

function merge(reports: AgentReport[]): DrainReport {
  const sum = (f: (r: AgentReport) => number): number => reports.reduce((a, r) => a + f(r), 0);
  const latencies = new Float64Array(sum((r) => r.latencies.length));
  let at = 0;
  for (const r of reports) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  return {
    agents: reports.length,
    watchers: sum((r) => r.watchers), complete: sum((r) => r.complete), missingTotal: sum((r) => r.missingTotal),
    outOfOrderTotal: sum((r) => r.outOfOrderTotal), duplicateTotal: sum((r) => r.duplicateTotal), closed: sum((r) => r.closed),
    errors: [...new Set(reports.flatMap((r) => r.errors))], delivered: sum((r) => r.delivered), bytes: sum((r) => r.bytes),
    latency: summarize(latencies),
    firstReceiveEpoch: Math.min(...reports.map((r) => r.firstReceiveEpoch)),
    lastReceiveEpoch: Math.max(...reports.map((r) => r.lastReceiveEpoch)),
    timedOut: reports.some((r) => r.timedOut), clientCpuSeconds: sum((r) => r.clientCpuSeconds),
  };
}

/**
 * `count` concurrent watch connections to `path`, held by `agents` separate processes (watch-agent.ts) so the
 * watchers neither slow down nor get slowed down by the process issuing writes, and can use more than one core.
 */
export async function openWatchers(
  endpoint: ApiEndpoint, path: string, count: number, marker: string, opts: { agents?: number; cpuProfDir?: string } = {},
): Promise<WatcherPool> {
  const n = Math.max(1, Math.min(opts.agents ?? 1, count));
  const agents = Array.from({ length: n }, () => startAgent(opts.cpuProfDir));
  const all = <T extends FromAgent['type']>(m: (i: number) => ToAgent, want: T): Promise<Array<Extract<FromAgent, { type: T }>>> =>
    Promise.all(agents.map(async (a, i) => {
      const r = await a.ask(m(i));
      if (r.type !== want) throw new Error(`watch agent: expected ${want}, got ${JSON.stringify(r)}`);
      return r as Extract<FromAgent, { type: T }>;
    }));
  try {
    const opened = await all((i) => ({ type: 'open', endpoint, path, marker, count: Math.floor(count / n) + (i < count % n ? 1 : 0) }), 'opened');
    const failed = opened.flatMap((o) => o.failed);
    if (failed.length) throw new Error(`${failed.length} of ${count} watches failed: ${failed.slice(0, 3).join('; ')}`);
  } catch (e) {
    await Promise.all(agents.map((a) => a.close()));
    throw e;
  }
  return {
    async reset() {
      await all(() => ({ type: 'reset' }), 'reset-done');
    },
    async drain(expectRvs, timeoutMs) {
      return merge((await all(() => ({ type: 'drain', expectRvs, timeoutMs }), 'report')).map((r) => r.report));
    },
    async close() {
      await Promise.all(agents.map((a) => a.close()));
    },
  };
}
