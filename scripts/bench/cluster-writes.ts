import { deliveryMetrics } from './lib/delivery';
import { startStaticServer } from './lib/floor';
import { processCpuSeconds } from './lib/machine';
import { writeFlat, type WriteLog } from './lib/pod-writer';
import { scaleCluster } from './lib/scale-cluster';
import { summarize } from './lib/stats';
import { openPodWatchers } from './lib/watch-setup';
import type { BenchGroup, Metric } from './lib/types';

const WATCHERS = 50;
const CONCURRENCY = 16;

function rate(log: WriteLog): number {
  return log.rvs.length / ((log.endEpoch - log.startEpoch) / 1000);
}

interface Phase {
  log: WriteLog;
  /** Server process CPU seconds (user+system, /proc) during the phase. */
  serverCpuS: number;
  /** This process's CPU seconds (the writers) during the phase. */
  writerCpuS: number;
}

/** Run a write phase and account for who used the CPU: the numbers are only meaningful together. */
async function phase(pid: number, run: () => Promise<WriteLog>): Promise<Phase> {
  const s0 = processCpuSeconds(pid);
  const u0 = process.cpuUsage();
  const log = await run();
  const u = process.cpuUsage(u0);
  return { log, serverCpuS: processCpuSeconds(pid) - s0, writerCpuS: (u.user + u.system) / 1e6 };
}

const usPer = (seconds: number, n: number): number => (n > 0 ? (seconds * 1e6) / n : Number.NaN);

export const clusterWrites: BenchGroup = {
  name: 'cluster-writes',
  description: `Sustained kubelet-style pods/status strategic-merge PATCHes from ${CONCURRENCY} concurrent clients, with ${WATCHERS} watchers attached.`,
  async run(ctx) {
    const cluster = await scaleCluster(ctx);
    const ep = cluster.proc.endpoint;
    const pods = await cluster.podRefs();
    const durationMs = ctx.options.quick ? 3000 : 10_000;
    const warmMs = ctx.options.quick ? 1000 : 2000;
    const pid = cluster.proc.pid;

    // Baseline without watchers: what the write path alone sustains, so the fan-out cost is visible.
    await writeFlat(ep, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs: warmMs });
    ctx.log(`status writes, ${CONCURRENCY} clients, no watchers, ${durationMs / 2000} s`);
    const bare = await phase(pid, () => writeFlat(ep, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs: durationMs / 2, offset: 5000 }));

    // Anchor: the same clients against a server that answers a pre-built 5 KB body: the ceiling Node HTTPS
    // request handling on this machine allows before any API server work.
    const stat = await startStaticServer(0);
    let floor: WriteLog;
    try {
      await writeFlat(stat.endpoint, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs: warmMs });
      floor = await writeFlat(stat.endpoint, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs: durationMs / 2 });
    } finally {
      await stat.dispose();
    }

    const watchers = await openPodWatchers(ep, WATCHERS, 'status', { agents: ctx.options.watchAgents, cpuProfDir: ctx.options.cpuProfDir });
    try {
      const warm = await writeFlat(ep, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs: warmMs });
      await watchers.drain(warm.rvs, 60_000);
      await watchers.reset();
      ctx.log(`status writes, ${CONCURRENCY} clients, ${WATCHERS} watchers, ${durationMs / 1000} s`);
      const loaded = await phase(pid, () => writeFlat(ep, pods, { kind: 'status', concurrency: CONCURRENCY, durationMs }));
      const log = loaded.log;
      const rep = await watchers.drain(log.rvs, 60_000);
      const mem = cluster.proc.memoryMB();
      const seconds = (log.endEpoch - log.startEpoch) / 1000;
      const failed = log.failures ? `; ${log.failures} failed: ${log.failureSamples.join(' | ')}` : '';
      const metrics: Metric[] = [
        { id: 'writes.floor_per_s', label: 'floor: no-op HTTPS server, same clients', unit: 'writes/s', value: rate(floor),
          notes: 'a Node HTTPS server answering a pre-built 5 KB body to the same PATCH load' },
        { id: 'writes.bare_per_s', label: 'pods/status PATCH / s, no watchers', unit: 'writes/s', value: rate(bare.log) },
        { id: 'writes.bare_server_us', label: 'server CPU per write, no watchers', unit: 'µs', value: usPer(bare.serverCpuS, bare.log.rvs.length) },
        { id: 'writes.per_s', label: `pods/status PATCH / s, ${WATCHERS} watchers`, unit: 'writes/s', value: rate(log),
          goal: { on: 'value', op: '>=', target: 2000, source: 'issue 2' },
          notes: `${log.rvs.length} writes in ${seconds.toFixed(1)} s${failed}` },
        { id: 'writes.server_us', label: `server CPU per write, ${WATCHERS} watchers`, unit: 'µs', value: usPer(loaded.serverCpuS, log.rvs.length) },
        { id: 'writes.server_cpu', label: 'server CPU during the write phase', unit: '% of 1 core', value: (loaded.serverCpuS / seconds) * 100 },
        { id: 'writes.latency', label: 'pods/status PATCH latency (saturated)', unit: 'ms', summary: summarize(log.latenciesMs) },
        ...deliveryMetrics('writes', log, rep),
        { id: 'writes.writer_client_us', label: 'writer clients: CPU per write', unit: 'µs', value: usPer(loaded.writerCpuS, log.rvs.length) },
        { id: 'writes.watch_client_us', label: 'watch clients: CPU per delivered event', unit: 'µs', value: usPer(rep.clientCpuSeconds, rep.delivered),
          notes: `${rep.agents} client process(es); TLS decryption and line scanning of ${(rep.bytes / Math.max(rep.delivered, 1) / 1024).toFixed(1)} KiB per event` },
        { id: 'writes.rss_after', label: 'server RSS after the write test', unit: 'MB', value: mem.rss,
          goal: { on: 'value', op: '<=', target: 500, source: 'issue 2' } },
      ];
      return {
        metrics,
        params: {
          watchers: WATCHERS, watchAgents: rep.agents, concurrency: CONCURRENCY, durationMs, warmupMs: warmMs,
          write: 'strategic-merge-patch pods/status (one condition)', client: 'lean HTTP/1.1 over TLS (lib/lean-https.ts)',
        },
      };
    } finally {
      await watchers.close();
    }
  },
};
