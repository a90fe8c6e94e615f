import { scaleCluster } from './lib/scale-cluster';
import type { BenchGroup } from './lib/types';

const GOAL = { on: 'value', op: '<=', target: 500, source: 'issue 2' } as const;

export const clusterMemory: BenchGroup = {
  name: 'cluster-memory',
  description: 'Server process resident memory (VmRSS/VmHWM from /proc), after setup and at the end of the cluster groups.',
  async run(ctx) {
    const cluster = await scaleCluster(ctx);
    const now = cluster.proc.memoryMB();
    return {
      metrics: [
        { id: 'memory.setup_s', label: `setup time (${cluster.pods} pods, spawn → ready)`, unit: 's', value: cluster.proc.startupMs / 1000 },
        { id: 'memory.rss_setup', label: 'server RSS after setup', unit: 'MB', value: cluster.memoryAfterSetupMB.rss, goal: GOAL },
        { id: 'memory.rss_end', label: 'server RSS at the end of the cluster groups', unit: 'MB', value: now.rss, goal: GOAL },
        { id: 'memory.rss_peak', label: 'server peak RSS (VmHWM) over the whole run', unit: 'MB', value: now.hwm, goal: GOAL },
      ],
      params: { pods: cluster.pods },
    };
  },
};
