import { apiRequest, continueToken, expectOk, keepAliveAgent, type ApiEndpoint } from './lib/https-client';
import type { Agent } from 'node:https';
import { startStaticServer } from './lib/floor';
import { processCpuSeconds } from './lib/machine';
import { scaleCluster } from './lib/scale-cluster';
import { summarize } from './lib/stats';
import type { BenchGroup, Goal, Metric } from './lib/types';

const LIST_GOAL: Goal = { on: 'p95', op: '<=', target: 150, source: 'issue 2' };
const PAGE = 500;

interface Traversal {
  totalMs: number;
  pageMs: number[];
  pages: number;
}

/** Follow `continue` until the list is done. Only the token is read from each page (see continueToken). */
async function traverse(ep: ApiEndpoint, agent: Agent): Promise<Traversal> {
  const t0 = performance.now();
  const pageMs: number[] = [];
  let token: string | undefined;
  do {
    const q = `limit=${PAGE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const r = expectOk(await apiRequest(ep, agent, 'GET', `/api/v1/pods?${q}`), 'paged list');
    pageMs.push(r.endedAt - r.startedAt);
    token = continueToken(r.body);
  } while (token);
  return { totalMs: performance.now() - t0, pageMs, pages: pageMs.length };
}

/** Warm-up traversal that parses every page: proves the pages add up to the whole list, once. */
async function verifyTraversal(ep: ApiEndpoint, agent: Agent, expected: number): Promise<void> {
  const names = new Set<string>();
  let token: string | undefined;
  do {
    const q = `limit=${PAGE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const r = expectOk(await apiRequest(ep, agent, 'GET', `/api/v1/pods?${q}`), 'paged list');
    const page = JSON.parse(r.body.toString('utf8')) as { metadata: { continue?: string }; items: Array<{ metadata: { namespace: string; name: string } }> };
    for (const p of page.items) names.add(`${p.metadata.namespace}/${p.metadata.name}`);
    token = page.metadata.continue || undefined;
  } while (token);
  if (names.size !== expected) throw new Error(`paged traversal returned ${names.size} distinct pods, expected ${expected}`);
}

export const clusterList: BenchGroup = {
  name: 'cluster-list',
  description: 'LIST of every pod over HTTPS: unpaged, and paged at limit=500 following continue to the end.',
  async run(ctx) {
    const cluster = await scaleCluster(ctx);
    const ep = cluster.proc.endpoint;
    const agent = keepAliveAgent(ep, 1);
    const samples = ctx.options.quick ? 8 : 30;
    const warmup = ctx.options.quick ? 2 : 5;
    const path = '/api/v1/pods';

    // Warm-up: JIT, connection and TLS session, and one full parse to check the answer is the whole list.
    const first = expectOk(await apiRequest(ep, agent, 'GET', path), 'list');
    const count = (JSON.parse(first.body.toString('utf8')) as { items: unknown[] }).items.length;
    if (count !== cluster.pods) throw new Error(`LIST returned ${count} pods, expected ${cluster.pods}`);
    for (let i = 1; i < warmup; i++) await apiRequest(ep, agent, 'GET', path);

    ctx.log(`unpaged LIST × ${samples}`);
    const pid = cluster.proc.pid;
    const cpuUnpaged0 = processCpuSeconds(pid);
    const unpaged: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples; i++) {
      const r = expectOk(await apiRequest(ep, agent, 'GET', path), 'list');
      unpaged.push(r.endedAt - r.startedAt);
      bytes = r.body.length;
    }

    const cpuUnpaged = processCpuSeconds(pid) - cpuUnpaged0;

    await verifyTraversal(ep, agent, cluster.pods);
    for (let i = 1; i < warmup; i++) await traverse(ep, agent);
    ctx.log(`paged LIST (limit=${PAGE}) × ${samples}`);
    const totals: number[] = [];
    const pages: number[] = [];
    let pageCount = 0;
    const cpuPaged0 = processCpuSeconds(pid);
    for (let i = 0; i < samples; i++) {
      const t = await traverse(ep, agent);
      totals.push(t.totalMs);
      pages.push(...t.pageMs);
      pageCount = t.pages;
    }
    const cpuPaged = processCpuSeconds(pid) - cpuPaged0;
    agent.destroy();

    // Anchor: the same number of bytes from a server that does nothing, i.e. what TLS, the loopback and the
    // client cost on this machine. The LIST cannot be faster than this.
    ctx.log(`floor: ${bytes} bytes from a no-op HTTPS server × ${samples}`);
    const floor: number[] = [];
    const stat = await startStaticServer(bytes);
    try {
      const fa = keepAliveAgent(stat.endpoint, 1);
      for (let i = 0; i < warmup; i++) await apiRequest(stat.endpoint, fa, 'GET', '/');
      for (let i = 0; i < samples; i++) {
        const r = expectOk(await apiRequest(stat.endpoint, fa, 'GET', '/'), 'static');
        floor.push(r.endedAt - r.startedAt);
      }
      fa.destroy();
    } finally {
      await stat.dispose();
    }

    const metrics: Metric[] = [
      { id: 'list.unpaged', label: `LIST ${cluster.pods} pods, unpaged`, unit: 'ms', summary: summarize(unpaged), goal: LIST_GOAL,
        notes: `request → last byte over one keep-alive HTTPS connection; ${(bytes / 2 ** 20).toFixed(1)} MiB per response, no gzip` },
      { id: 'list.paged.total', label: `LIST ${cluster.pods} pods, paged ${PAGE}: full traversal`, unit: 'ms', summary: summarize(totals), goal: LIST_GOAL,
        notes: `${pageCount} sequential pages; includes the client reading each continue token` },
      { id: 'list.paged.page', label: `LIST page of ${PAGE}`, unit: 'ms', summary: summarize(pages) },
      { id: 'list.server_ms', label: 'server CPU per unpaged LIST', unit: 'ms', value: (cpuUnpaged * 1000) / samples },
      { id: 'list.paged.server_ms', label: 'server CPU per paged traversal', unit: 'ms', value: (cpuPaged * 1000) / samples },
      { id: 'list.floor', label: 'floor: same bytes from a no-op HTTPS server', unit: 'ms', summary: summarize(floor),
        notes: 'a Node HTTPS server answering a pre-built body of the same size: TLS + loopback + client, no LIST work' },
    ];
    return { metrics, params: { pods: cluster.pods, samples, warmup, pageSize: PAGE, responseBytes: bytes } };
  },
};
