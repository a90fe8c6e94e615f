import { MEMORY_GOAL } from './dashboard-api';
import { launchTabs, waitLive, type BackgroundTabs, type Tab } from './lib/browser';
import { apiRequest, expectOk, keepAliveAgent, type ApiEndpoint } from './lib/https-client';
import { connectionsTo } from './lib/proc-net';
import { scaleDashboard, type ScaleDashboard } from './lib/scale-dashboard';
import { summarize } from './lib/stats';
import type { BenchGroup, Metric } from './lib/types';

const TABS = 20;

interface WatchCounts {
  byTable: Record<string, { remote: number; internal: number }>;
}

interface Reading {
  tabs: number;
  /** API clients' watches the cluster serves (the dashboard is the only API client that watches here). */
  watches: number;
  byTable: string;
  /** Established TCP connections from next-server to the cluster's port. */
  connections: number;
  /** The dashboard bus's subscribers: one per SSE stream, plus the traffic probe's own (constant). */
  subscribers: number;
}

async function clusterWatches(ep: ApiEndpoint): Promise<{ total: number; byTable: string }> {
  const agent = keepAliveAgent(ep, 1);
  try {
    const r = expectOk(await apiRequest(ep, agent, 'GET', '/debug/embedded/watches'), 'watch counts');
    const c = JSON.parse(r.body.toString('utf8')) as WatchCounts;
    const remote = Object.entries(c.byTable).filter(([, v]) => v.remote > 0);
    return { total: remote.reduce((n, [, v]) => n + v.remote, 0), byTable: remote.map(([t, v]) => `${t} ${v.remote}`).join(', ') };
  } finally {
    agent.destroy();
  }
}

async function read(d: ScaleDashboard, tabs: number): Promise<Reading> {
  // Let connections settle: a tab's stream opens a moment after its page says live.
  await new Promise((r) => setTimeout(r, 2000));
  const w = await clusterWatches(d.cluster.proc.endpoint);
  const dashboards = await d.dash.probe<Array<{ streams?: number }>>('/dashboards');
  return {
    tabs, watches: w.total, byTable: w.byTable,
    connections: connectionsTo(d.dash.pid, Number(new URL(d.cluster.proc.endpoint.url).port)),
    subscribers: dashboards.reduce((n, x) => n + (x.streams ?? 0), 0),
  };
}

export const dashboardWatches: BenchGroup = {
  name: 'dashboard-watches',
  description: `Watches the dashboard holds on the 10,000-pod cluster with 0, 1 and ${TABS} Chromium tabs open (counted by the cluster), and its memory with them.`,
  async run(ctx) {
    const d = await scaleDashboard(ctx, { pods: ctx.options.pods }, 100);
    const r0 = await read(d, 0);
    const readings: Reading[] = [r0];
    ctx.log(`0 tabs: ${r0.watches} watches (${r0.byTable})`);
    const tabs = await launchTabs();
    const open: Tab[] = [];
    let sameProfileLive = 0;
    let bg: BackgroundTabs = { backgroundLive: Number.NaN, frontLive: false, showToLiveMs: [] };
    let rss20 = { rss: Number.NaN, hwm: Number.NaN };
    try {
      open.push(await tabs.open(`${d.dash.url}/`));
      await waitLive((open[0] as Tab).page);
      readings.push(await read(d, 1));
      // Half on the list, half on the 2,000-pod SidecarSet (the heavier page: its table, timeline and deltas).
      for (let i = 1; i < TABS; i++) open.push(await tabs.open(`${d.dash.url}${i % 2 ? '/sidecarsets/sidecar-0' : '/'}`));
      for (const t of open) await waitLive(t.page, 120_000);
      readings.push(await read(d, TABS));
      rss20 = d.dash.memoryMB();
      for (const r of readings.slice(1)) ctx.log(`${r.tabs} tabs: ${r.watches} watches, ${r.subscribers - r0.subscribers} streams, ${r.connections} connections to the cluster`);
      for (const t of open.splice(0)) await t.close();
      readings.push(await read(d, 0));
      ctx.log(`${TABS} tabs in one browser profile…`);
      sameProfileLive = await tabs.sameProfileLive(`${d.dash.url}/`, TABS, ctx.options.quick ? 10_000 : 20_000);
      ctx.log(`${TABS - 1} background tabs and one in front, in one browser profile…`);
      bg = await tabs.sameProfileBackground(`${d.dash.url}/`, TABS, 30_000);
    } finally {
      for (const t of open) await t.close().catch(() => undefined);
      await tabs.dispose();
    }
    const [, r1, r20, rAfter] = readings as [Reading, Reading, Reading, Reading];
    const streams20 = r20.subscribers - r0.subscribers;
    const independent = { on: 'value', op: '<=', target: r0.watches, source: 'issue 3: independent of the number of tabs' } as const;
    const after = d.dash.memoryMB();
    const metrics: Metric[] = [
      { id: 'watches.tabs0', label: 'dashboard watches on the cluster, 0 tabs', unit: 'watches', value: r0.watches, notes: r0.byTable },
      { id: 'watches.tabs1', label: 'dashboard watches on the cluster, 1 tab', unit: 'watches', value: r1.watches, goal: independent },
      { id: `watches.tabs${TABS}`, label: `dashboard watches on the cluster, ${TABS} tabs`, unit: 'watches', value: r20.watches, goal: independent,
        notes: `${streams20} SSE streams open on the dashboard; ${r20.connections} TCP connections from next-server to the cluster (0 tabs: ${r0.connections})` },
      { id: 'watches.after', label: 'dashboard watches after the tabs closed', unit: 'watches', value: rAfter.watches },
      { id: 'watches.streams', label: `SSE streams the dashboard serves with ${TABS} tabs`, unit: 'streams', value: streams20,
        notes: 'subscribers of the dashboard\'s bus with the tabs open, minus those with none (the traffic probe\'s)' },
      { id: 'dash.rss_tabs', label: `dashboard RSS with ${TABS} tabs open`, unit: 'MB', value: rss20.rss, goal: MEMORY_GOAL },
      { id: 'dash.hwm', label: 'dashboard peak RSS (VmHWM) since it started', unit: 'MB', value: after.hwm, goal: MEMORY_GOAL },
      { id: 'tabs.same_profile', label: `tabs of ONE browser profile that go live (of ${TABS})`, unit: 'tabs', value: sameProfileLive,
        notes: 'all visible at once (headless Chromium shows every page): HTTP/1.1 allows 6 connections per host per profile and each visible tab\'s stream holds one' },
      { id: 'tabs.background_streams', label: `streams held by ${TABS - 1} background tabs of one profile`, unit: 'streams', value: bg.backgroundLive,
        goal: { on: 'value', op: '<=', target: 0, source: 'background tabs give their connection back (lib/browser/stream/live-stream.ts)' } },
      { id: 'tabs.front_live', label: `the tab in front goes live beside ${TABS - 1} background tabs`, unit: 'bool', value: bg.frontLive ? 1 : 0,
        goal: { on: 'value', op: '>=', target: 1, source: 'a 7th tab must work' } },
      { id: 'tabs.show_to_live', label: 'background tab brought to the front → live', unit: 'ms', summary: summarize(bg.showToLiveMs),
        notes: 'reconnect, hello, refetch of the page\'s resources; 5 tabs in turn' },
    ];
    return { metrics, params: { tabs: TABS, pages: `${TABS / 2} on /, ${TABS / 2} on /sidecarsets/sidecar-0`, contexts: 'one browser context per tab', readings } };
  },
};
