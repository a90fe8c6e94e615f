import type { DashboardProcess, HttpResult } from './lib/dashboard-process';
import { processCpuSeconds } from './lib/machine';
import { scaleDashboard } from './lib/scale-dashboard';
import { summarize } from './lib/stats';
import type { BenchGroup, Goal, Metric } from './lib/types';

const LIST_GOAL: Goal = { on: 'p95', op: '<=', target: 50, source: 'issue 3' };
const DETAIL_GOAL: Goal = { on: 'p95', op: '<=', target: 200, source: 'issue 3' };
export const MEMORY_GOAL: Goal = { on: 'value', op: '<=', target: 400, source: 'issue 3' };
/** The scale scenario's SidecarSet that selects `hotPods` (2,000) pods. */
const HOT = 'sidecar-0';
/** What a browser sends; `next start` then gzips. Scripts (curl, the README's examples) send none. */
const BROWSER_ENCODING = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

interface Sampled {
  ms: number[];
  bytes: number;
  cpuMsPerRequest: number;
}

async function sample(dash: DashboardProcess, path: string, n: number, check: (r: HttpResult) => void, headers?: Record<string, string>): Promise<Sampled> {
  const ms: number[] = [];
  let bytes = 0;
  const cpu0 = processCpuSeconds(dash.pid);
  for (let i = 0; i < n; i++) {
    const r = await dash.get(path, headers);
    check(r);
    ms.push(r.ms);
    bytes = r.body.length;
  }
  return { ms, bytes, cpuMsPerRequest: ((processCpuSeconds(dash.pid) - cpu0) * 1000) / n };
}

function expectCount(what: string, key: 'items' | 'pods', expected: number): (r: HttpResult) => void {
  let seen = 0;
  return (r) => {
    if (r.status !== 200) throw new Error(`${what}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    // Parse every 10th answer only: the client shares the 2 cores, and parsing 4 MB between samples costs ~30 ms.
    if (seen++ % 10 !== 0) return;
    const n = (JSON.parse(r.body.toString('utf8')) as Record<string, unknown[] | undefined>)[key]?.length;
    if (n !== expected) throw new Error(`${what}: ${n ?? 'no'} ${key}, expected ${expected}`);
  };
}

export const dashboardApi: BenchGroup = {
  name: 'dashboard-api',
  description: 'Dashboard API on the 10,000-pod cluster: GET /api/sidecarsets and /api/sidecarsets/sidecar-0 (2,000 pods), and the server\'s memory.',
  async run(ctx) {
    const pods = ctx.options.pods;
    const hotPods = Math.min(2000, pods);
    const d = await scaleDashboard(ctx, { pods }, 100);
    const dash = d.dash;
    const n = ctx.options.quick ? 40 : 300;
    const nDetail = ctx.options.quick ? 15 : 100;
    const warm = ctx.options.quick ? 5 : 20;
    const list = expectCount('GET /api/sidecarsets', 'items', 100);
    const detail = expectCount(`GET /api/sidecarsets/${HOT}`, 'pods', hotPods);

    // Warm-up (JIT, route modules, first serialisations), then one full check of each answer.
    for (let i = 0; i < warm; i++) list(await dash.get('/api/sidecarsets'));
    for (let i = 0; i < warm; i++) detail(await dash.get(`/api/sidecarsets/${HOT}`));
    const full = JSON.parse((await dash.get(`/api/sidecarsets/${HOT}`)).body.toString('utf8')) as { pods?: unknown[] };
    if (full.pods?.length !== hotPods) throw new Error(`${HOT} has ${full.pods?.length ?? 'no'} pods, expected ${hotPods}`);

    ctx.log(`GET /api/sidecarsets × ${n}, GET /api/sidecarsets/${HOT} × ${nDetail} (and × ${nDetail} gzip)`);
    const a = await sample(dash, '/api/sidecarsets', n, list);
    const b = await sample(dash, `/api/sidecarsets/${HOT}`, nDetail, detail);
    const c = await sample(dash, `/api/sidecarsets/${HOT}`, nDetail, (r) => { if (r.status !== 200) throw new Error(`gzip detail: HTTP ${r.status}`); }, BROWSER_ENCODING);
    const after = dash.memoryMB();

    const metrics: Metric[] = [
      { id: 'api.list', label: 'GET /api/sidecarsets (100 SidecarSets)', unit: 'ms', summary: summarize(a.ms), goal: LIST_GOAL,
        notes: `request → last byte, one keep-alive connection, no compression; ${(a.bytes / 1024).toFixed(0)} KiB` },
      { id: 'api.detail', label: `GET /api/sidecarsets/${HOT} (${hotPods} pods)`, unit: 'ms', summary: summarize(b.ms), goal: DETAIL_GOAL,
        notes: `request → last byte, no compression; ${(b.bytes / 2 ** 20).toFixed(2)} MiB` },
      { id: 'api.detail_gzip', label: `GET /api/sidecarsets/${HOT}, as a browser asks (gzip)`, unit: 'ms', summary: summarize(c.ms),
        notes: `Accept-Encoding as Chromium sends it; next start compresses: ${(c.bytes / 1024).toFixed(0)} KiB on the wire` },
      { id: 'api.list_cpu', label: 'dashboard CPU per GET /api/sidecarsets', unit: 'ms', value: a.cpuMsPerRequest },
      { id: 'api.detail_cpu', label: `dashboard CPU per GET /api/sidecarsets/${HOT}`, unit: 'ms', value: b.cpuMsPerRequest },
      { id: 'api.detail_gzip_cpu', label: `dashboard CPU per GET /api/sidecarsets/${HOT} (gzip)`, unit: 'ms', value: c.cpuMsPerRequest },
      { id: 'dash.cold_start', label: 'dashboard cold start: first request → all 100 SidecarSets', unit: 's', value: d.coldStartMs / 1000,
        notes: 'connect, discovery, paged LISTs of 4 kinds (10,000 pods), views and timeline backfill' },
      { id: 'dash.rss_idle', label: 'dashboard RSS before the first request (Next alone)', unit: 'MB', value: d.memoryIdleMB.rss },
      { id: 'dash.rss_ready', label: 'dashboard RSS when ready', unit: 'MB', value: d.memoryReadyMB.rss, goal: MEMORY_GOAL },
      { id: 'dash.rss_after_api', label: 'dashboard RSS after the API samples', unit: 'MB', value: after.rss, goal: MEMORY_GOAL },
      { id: 'dash.hwm_after_api', label: 'dashboard peak RSS (VmHWM) so far', unit: 'MB', value: after.hwm, goal: MEMORY_GOAL },
    ];
    return {
      metrics,
      params: {
        pods, sidecarSets: 100, hotPods, samplesList: n, samplesDetail: nDetail, warmup: warm, dashboardPid: dash.pid,
        dashboardCommand: dash.command, buildMs: d.buildMs, client: 'node:http, one keep-alive connection, sequential',
      },
    };
  },
};
