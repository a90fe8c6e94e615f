import { deliveryMetrics } from './lib/delivery';
import { writePaced } from './lib/pod-writer';
import { scaleCluster } from './lib/scale-cluster';
import { summarize } from './lib/stats';
import { openPodWatchers } from './lib/watch-setup';
import type { BenchGroup } from './lib/types';

const WATCHERS = 50;
const RATE = 250;

export const clusterWatch: BenchGroup = {
  name: 'cluster-watch',
  description: `Watch fan-out: ${WATCHERS} watches on all pods; pod annotation PATCHes at a fixed ${RATE}/s; per-event delivery latency.`,
  async run(ctx) {
    const cluster = await scaleCluster(ctx);
    const ep = cluster.proc.endpoint;
    const pods = await cluster.podRefs();
    const count = ctx.options.quick ? RATE * 2 : RATE * 10;
    const watchers = await openPodWatchers(ep, WATCHERS, 'annotation', { agents: ctx.options.watchAgents, cpuProfDir: ctx.options.cpuProfDir });
    try {
      const warm = await writePaced(ep, pods, { kind: 'annotation', rate: RATE, count: RATE, offset: 0 });
      await watchers.drain(warm.rvs, 30_000);
      await watchers.reset();
      ctx.log(`${count} annotation writes at ${RATE}/s with ${WATCHERS} watchers`);
      const log = await writePaced(ep, pods, { kind: 'annotation', rate: RATE, count, offset: RATE });
      const rep = await watchers.drain(log.rvs, 60_000);
      return {
        metrics: [
          ...deliveryMetrics('watch', log, rep),
          { id: 'watch.write', label: 'annotation PATCH latency (paced)', unit: 'ms', summary: summarize(log.latenciesMs),
            ...(log.failures ? { notes: `${log.failures} failed: ${log.failureSamples.join(' | ')}` } : {}) },
        ],
        params: { watchers: WATCHERS, ratePerSecond: RATE, writes: count, warmupWrites: RATE, write: 'merge-patch metadata.annotations' },
      };
    } finally {
      await watchers.close();
    }
  },
};
