import { launchTabs, waitLive, type Tab } from './lib/browser';
import { clockOffset, installObserver, renderedRows, takeSightings } from './lib/dom-watch';
import type { PodRef } from './lib/pod-writer';
import { scaleDashboard } from './lib/scale-dashboard';
import { listenSse, type SseListener } from './lib/sse-client';
import { summarize } from './lib/stats';
import { StatusWriter, type StatusWrite, type StatusWriteKind } from './lib/status-writer';
import type { BenchGroup, Goal, Metric } from './lib/types';

/** Issue 4's setting: 1,000 pods under one SidecarSet, 10 tabs on its page. */
export const LATENCY_SHAPE = { pods: 1000, sidecarSets: 1, hotPods: 1000 };
const TABS = 10;
/** Writes per second: spaced so each is independent (no two land in one tab's animation frame). */
const RATE = 5;
const P50_GOAL: Goal = { on: 'median', op: '<=', target: 100, source: 'issue 4' };
const P99_GOAL: Goal = { on: 'p99', op: '<=', target: 300, source: 'issue 4' };
const PAGE = '/sidecarsets/sidecar-0';

interface PhaseResult {
  /** write → DOM, one sample per tab per write. */
  dom: number[];
  missing: number;
  /** write → the delta on a stream read by the benchmark (no browser). */
  sse: number[];
  patch: number[];
  writes: number;
  targets: number;
}

const toRef = (key: string): PodRef => {
  const [namespace = '', name = ''] = key.split('/');
  return { namespace, name };
};

/** Pods whose `testId` element every tab has in its DOM (both lists are virtualised), at most `max`. */
async function commonRows(tabs: Tab[], testId: string, max: number): Promise<string[]> {
  const lists = await Promise.all(tabs.map((t) => renderedRows(t.page, testId)));
  return (lists[0] ?? []).filter((p) => lists.every((l) => l.includes(p))).slice(0, max);
}

async function phase(
  tabs: Tab[], sse: SseListener, writer: StatusWriter, kind: StatusWriteKind, testId: string, targets: string[], count: number, warm: number,
): Promise<PhaseResult> {
  if (targets.length === 0) throw new Error(`no ${testId} rows rendered in all ${tabs.length} tabs`);
  const refs = targets.map(toRef);
  await writer.paced(kind, refs, RATE, warm);
  await new Promise((r) => setTimeout(r, 2000));
  for (const t of tabs) await takeSightings(t.page);
  const writes: StatusWrite[] = await writer.paced(kind, refs, RATE, count);
  // Let the last writes arrive everywhere before reading the tabs.
  await new Promise((r) => setTimeout(r, 3000));
  const dom: number[] = [];
  let missing = 0;
  for (const t of tabs) {
    const at = new Map<string, number>();
    for (const [k, pod, rv, time] of await takeSightings(t.page)) if (k === testId) at.set(`${pod}|${rv}`, time);
    for (const w of writes) {
      const time = at.get(`${w.pod}|${w.rv}`);
      if (time === undefined) missing++;
      else dom.push(time - w.sentAt);
    }
  }
  const sseMs = writes.flatMap((w) => {
    const time = sse.seen.get(`${w.pod}|${w.rv}`);
    return time === undefined ? [] : [time - w.sentAt];
  });
  return { dom, missing, sse: sseMs, patch: writes.map((w) => w.patchMs), writes: writes.length, targets: targets.length };
}

function phaseMetrics(id: string, what: string, r: PhaseResult, goals: boolean): Metric[] {
  const pairs = r.writes * TABS;
  return [
    { id: `${id}.dom`, label: `${what}: write → DOM, ${TABS} tabs`, unit: 'ms', summary: summarize(r.dom), ...(goals ? { goal: P99_GOAL } : {}),
      notes: `${r.writes} writes at ${RATE}/s over ${r.targets} rendered pods; one sample per tab per write` },
    ...(goals ? [{ id: `${id}.dom_p50`, label: `${what}: write → DOM (same samples, p50 goal)`, unit: 'ms', summary: summarize(r.dom), goal: P50_GOAL }] : []),
    { id: `${id}.missing`, label: `${what}: tab × write pairs never shown (of ${pairs})`, unit: 'pairs', value: r.missing,
      goal: { on: 'value', op: '<=', target: 0, source: 'issue 4: every write reaches every tab' } },
    { id: `${id}.sse`, label: `${what}: write → delta on an SSE stream (no browser)`, unit: 'ms', summary: summarize(r.sse),
      notes: 'the server\'s share: cluster watch → dashboard caches → views → bus → SSE frame' },
    { id: `${id}.patch`, label: `${what}: PATCH round trip`, unit: 'ms', summary: summarize(r.patch) },
  ];
}

export const dashboardLatency: BenchGroup = {
  name: 'dashboard-latency',
  description: `Event-to-screen: pods/status write → DOM in ${TABS} Chromium tabs on a SidecarSet of 1,000 pods.`,
  async run(ctx) {
    const d = await scaleDashboard(ctx, LATENCY_SHAPE, 1);
    const writer = await StatusWriter.open(d.cluster.proc.endpoint);
    const count = ctx.options.quick ? 40 : 250;
    const warm = ctx.options.quick ? 5 : 20;
    const browser = await launchTabs();
    const tabs: Tab[] = [];
    try {
      for (let i = 0; i < TABS; i++) tabs.push(await browser.open(`${d.dash.url}${PAGE}`));
      for (const t of tabs) {
        await waitLive(t.page, 120_000);
        await t.page.locator('[data-testid="pod-row"][data-rv]').first().waitFor({ timeout: 120_000 });
        await t.page.locator('[data-testid="pod-timeline"][data-rv]').first().waitFor({ timeout: 120_000 });
      }
      for (const t of tabs) await installObserver(t.page);
      const offsets = await Promise.all(tabs.map((t) => clockOffset(t.page)));
      const sse = await listenSse(d.dash.url, ['sidecarset/sidecar-0']);
      try {
        ctx.log(`condition writes → pod table rows: ${count} at ${RATE}/s, ${TABS} tabs`);
        const table = await phase(tabs, sse, writer, 'condition', 'pod-row', await commonRows(tabs, 'pod-row', 20), count, warm);
        ctx.log(`readiness writes → timeline rows: ${count} at ${RATE}/s`);
        const timeline = await phase(tabs, sse, writer, 'ready', 'pod-timeline', await commonRows(tabs, 'pod-timeline', 20), count, warm);
        return {
          metrics: [
            ...phaseMetrics('latency.table', 'pod condition → table row', table, true),
            ...phaseMetrics('latency.timeline', 'container readiness → timeline row', timeline, true),
          ],
          params: {
            pods: LATENCY_SHAPE.pods, tabs: TABS, page: PAGE, ratePerSecond: RATE, writes: count, warmupWrites: warm,
            contexts: 'one browser context per tab (6-connections-per-profile limit, see dashboard-watches)',
            clockOffsetsMs: offsets.map((o) => Number(o.offsetMs.toFixed(2))), clockRttMs: offsets.map((o) => Number(o.rttMs.toFixed(2))),
          },
        };
      } finally {
        sse.close();
      }
    } finally {
      for (const t of tabs) await t.close().catch(() => undefined);
      await browser.dispose();
    }
  },
};
