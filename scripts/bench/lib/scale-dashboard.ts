import { dashboardBuild } from './dashboard-build';
import { startDashboard, type DashboardProcess } from './dashboard-process';
import { scaleCluster, scaleClusterKey, type ScaleCluster, type ScaleShape } from './scale-cluster';
import type { BenchContext, Disposable } from './types';

export interface ScaleDashboard extends Disposable {
  cluster: ScaleCluster;
  dash: DashboardProcess;
  /** First request → `/api/sidecarsets` answering with every SidecarSet (connect, paged LISTs, views). */
  coldStartMs: number;
  /** next-server right after it listens, before any request (no cluster data yet). */
  memoryIdleMB: { rss: number; hwm: number };
  /** Right after the first complete answer. */
  memoryReadyMB: { rss: number; hwm: number };
  buildMs: number;
}

interface ListShape {
  items?: unknown[];
}

/**
 * A production dashboard (`next start` of the benchmark build) on a scale cluster, ready: `/api/sidecarsets`
 * answered 200 with every SidecarSet. Shared by the groups that ask for the same cluster shape.
 */
export async function scaleDashboard(ctx: BenchContext, shape: ScaleShape, sidecarSets: number): Promise<ScaleDashboard> {
  // Dependencies first, so they are created (and disposed, in reverse) before this fixture.
  const build = await dashboardBuild(ctx);
  const cluster = await scaleCluster(ctx, shape);
  return ctx.fixture(`dashboard-${scaleClusterKey(shape)}`, async () => {
    const dash = await startDashboard({ kubeconfig: cluster.proc.kubeconfig, distDir: build.distDir, cpuProfDir: ctx.options.cpuProfDir });
    const memoryIdleMB = dash.memoryMB();
    ctx.log(`dashboard listening at ${dash.url} (pid ${dash.pid}: ${dash.command.slice(0, 80)}); waiting for ${sidecarSets} SidecarSets`);
    const t0 = performance.now();
    for (;;) {
      const r = await dash.get('/api/sidecarsets');
      const n = r.status === 200 ? (JSON.parse(r.body.toString('utf8')) as ListShape).items?.length : undefined;
      if (n === sidecarSets) break;
      if (performance.now() - t0 > 180_000) {
        await dash.dispose();
        throw new Error(`dashboard not ready after 180 s: HTTP ${r.status}, ${n ?? '?'} SidecarSets; ${r.body.toString('utf8').slice(0, 300)}`);
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    const coldStartMs = performance.now() - t0;
    ctx.log(`dashboard ready in ${(coldStartMs / 1000).toFixed(1)} s`);
    return { cluster, dash, coldStartMs, memoryIdleMB, memoryReadyMB: dash.memoryMB(), buildMs: build.buildMs, dispose: () => dash.dispose() };
  });
}
