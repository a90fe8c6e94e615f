import { startClusterProcess, type ClusterProcess } from './cluster-process';
import { apiRequest, expectOk, keepAliveAgent } from './https-client';
import type { PodRef } from './pod-writer';
import type { BenchContext, Disposable } from './types';

export interface ScaleCluster extends Disposable {
  proc: ClusterProcess;
  pods: number;
  /** Server RSS/peak right after setup settled, before any benchmark traffic. */
  memoryAfterSetupMB: { rss: number; hwm: number };
  /** Every pod, fetched once by a LIST (after the memory sample, so it does not inflate it). */
  podRefs(): Promise<PodRef[]>;
}

/** The scale scenario's shape; unset fields keep the CLI's defaults (20 namespaces, 100 SidecarSets, 2,000 under `sidecar-0`). */
export interface ScaleShape {
  pods: number;
  sidecarSets?: number;
  hotPods?: number;
}

const SETTLE_MS = 3000;

interface PodListShape {
  items: Array<{ metadata: { namespace: string; name: string } }>;
}

/** The fixture key of a shape: groups asking for the same shape share one cluster process. */
export function scaleClusterKey(shape: ScaleShape): string {
  return `scale-cluster-${shape.pods}${shape.sidecarSets ? `-ss${shape.sidecarSets}` : ''}${shape.hotPods ? `-hot${shape.hotPods}` : ''}`;
}

/**
 * The scale scenario (N pods, 20 namespaces, 100 SidecarSets, on the virtual node) in its own process, shared by
 * the groups that ask for the same shape (default: `--pods`, the cluster-* groups' 10,000-pod cluster).
 */
export function scaleCluster(ctx: BenchContext, shape: ScaleShape = { pods: ctx.options.pods }): Promise<ScaleCluster> {
  const pods = shape.pods;
  const args = ['--pods', String(pods), '--speed', '10'];
  if (shape.sidecarSets !== undefined) args.push('--sidecarsets', String(shape.sidecarSets));
  if (shape.hotPods !== undefined) args.push('--hot-pods', String(shape.hotPods));
  return ctx.fixture(scaleClusterKey(shape), async () => {
    ctx.log(`starting embedded cluster (scale scenario: ${args.join(' ')}) in a child process…`);
    const proc = await startClusterProcess({ scenario: 'scale', args, cpuProfDir: ctx.options.cpuProfDir, root: ctx.options.serverRoot });
    ctx.log(`cluster ready in ${(proc.startupMs / 1000).toFixed(1)} s (pid ${proc.pid}); settling ${SETTLE_MS} ms`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const memoryAfterSetupMB = proc.memoryMB();
    let refs: Promise<PodRef[]> | undefined;
    return {
      proc, pods, memoryAfterSetupMB,
      podRefs() {
        refs ??= (async () => {
          const agent = keepAliveAgent(proc.endpoint, 1);
          const r = expectOk(await apiRequest(proc.endpoint, agent, 'GET', '/api/v1/pods'), 'list pods');
          agent.destroy();
          const list = JSON.parse(r.body.toString('utf8')) as PodListShape;
          return list.items.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name }));
        })();
        return refs;
      },
      dispose: () => proc.dispose(),
    };
  });
}
