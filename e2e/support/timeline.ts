import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { ProbeRunSnapshot, SidecarSetDetailResponse as Detail, SidecarSetTimelineResponse as SidecarSetTimeline, TimelineEntry } from '@/lib/api';

/** The timeline API's shapes, from the one wire contract the server and the browser also use. */
export type { TimelineEntry as Entry, TimelineSnapshot as PodTimeline, Gap, SidecarSetTimelineResponse as SidecarSetTimeline } from '@/lib/api';
export type { Verdict } from '@/lib/sidecarset';
type Entry = TimelineEntry;
type ProbeRun = ProbeRunSnapshot;

/** An entry's transition (`from`, `to`), which every kind of entry but `event` has. */
export function change(e: Entry): { from?: unknown; to?: unknown; toEmptyImage?: boolean } {
  return e.kind === 'event' ? {} : e;
}

export async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

export const mosnDetail = (request: APIRequestContext) => getJson<Detail>(request, '/api/sidecarsets/mosn');
export const mosnTimeline = (request: APIRequestContext) => getJson<SidecarSetTimeline>(request, '/api/sidecarsets/mosn/timeline');

/** The current mosn image and a different one to upgrade to (the specs share servers, so never assume v1). */
export async function pickTarget(request: APIRequestContext): Promise<{ current: string; target: string; empty: string }> {
  const c = (await mosnDetail(request)).summary.containers.find((x) => x.name === 'mosn');
  if (!c?.emptyImage) throw new Error('mosn has no hot-upgrade empty image');
  const target = ['tinyqian/mosn:v2', 'tinyqian/mosn:v3', 'tinyqian/mosn:v4'].find((t) => t !== c.image) as string;
  return { current: c.image, target, empty: c.emptyImage };
}

/** Every pod Done with `image` on its working slot (the rollout is over), checked through the API. */
export async function waitRolloutDone(request: APIRequestContext, image: string, timeout = 120_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const d = await mosnDetail(request);
        const done = d.pods.every((p) => {
          const h = p.hotSidecars[0];
          return p.upgradePhase === 'Done' && h?.slots.find((s) => s.container === h.workingSlot)?.specImage === image;
        });
        return done && d.summary.counters.updatedReady === d.summary.counters.matched;
      },
      { timeout, intervals: [250] },
    )
    .toBe(true);
}

/** Start an upgrade through the dashboard's API, as the Upgrade dialog does. */
export async function upgradeMosn(request: APIRequestContext, from: string, to: string): Promise<void> {
  const res = await request.post('/api/sidecarsets/mosn/upgrade', {
    data: JSON.stringify({ container: 'mosn', image: to, fromImage: from }),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The probe run of the rollout started at `sinceMs`, once it ended by itself. */
export async function waitProbeRun(request: APIRequestContext, sinceMs: number): Promise<ProbeRun> {
  let run: ProbeRun | undefined;
  await expect
    .poll(
      async () => {
        run = (await mosnTimeline(request)).probe.runs.filter((r) => r.startedAt >= sinceMs - 2000).at(-1);
        return run?.endedAt !== undefined;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  return run as ProbeRun;
}

export interface UpgradeSteps {
  /** The slot that was standby (on the empty image) and received the new image. */
  newSlot: string;
  oldSlot: string;
  writeAt: number;
  restartAt: number;
  readyAt: number;
  flipAt: number;
  resetAt: number;
}

/**
 * The hot upgrade's steps (spec §3.3) in one pod's entries since `sinceMs`, each found after the previous one:
 * the standby slot's spec image goes from the empty image to the new one, the slot restarts, runs and is ready,
 * the serving slot flips to it, and the old slot's spec image goes to the empty image.
 *
 * The flip is the recorder's `servingSlot` entry, not `workingSlot`: Kruise's working-slot annotation flips in
 * the upgrade write itself, before the new container has even restarted, so it proves nothing about traffic.
 */
export function upgradeSteps(entries: readonly Entry[], sinceMs: number, target: string, empty: string): UpgradeSteps {
  const es = entries.filter((e) => e.atMs >= sinceMs - 1000 && e.kind !== 'event');
  const find = (from: number, what: string, pred: (e: Entry) => boolean): number => {
    const i = es.findIndex((e, k) => k >= from && pred(e));
    if (i < 0) throw new Error(`no ${what} after step ${from} in ${JSON.stringify(es.map((e) => `${e.kind} ${e.container ?? ''} ${JSON.stringify(change(e).to)}`))}`);
    return i;
  };
  const write = find(0, 'standby slot write', (e) => e.kind === 'specImage' && change(e).to === target && change(e).from === empty);
  const newSlot = es[write]?.container as string;
  const oldSlot = newSlot.endsWith('-1') ? newSlot.replace(/-1$/, '-2') : newSlot.replace(/-2$/, '-1');
  const restart = find(write + 1, 'restart', (e) => e.kind === 'restart' && e.container === newSlot);
  find(restart, 'running', (e) => e.kind === 'state' && e.container === newSlot && (change(e).to as { state?: string }).state === 'running');
  const ready = find(restart, 'ready', (e) => e.kind === 'ready' && e.container === newSlot && change(e).to === true);
  const flip = find(ready + 1, 'serving-slot flip', (e) => e.kind === 'servingSlot' && change(e).to === newSlot && change(e).from === oldSlot);
  const reset = find(flip + 1, 'reset of the old slot', (e) => e.kind === 'specImage' && e.container === oldSlot && change(e).to === empty && change(e).toEmptyImage === true);
  const at = (i: number) => (es[i] as Entry).atMs;
  return { newSlot, oldSlot, writeAt: at(write), restartAt: at(restart), readyAt: at(ready), flipAt: at(flip), resetAt: at(reset) };
}

interface DomItem {
  testid: string | null;
  state: string | null;
  image: string | null;
  start: number;
  at: number;
  to: string | null;
  serving: boolean;
}

/** What one lane of a pod's swimlanes shows, read from the DOM. */
export async function laneItems(row: Locator, container: string): Promise<DomItem[]> {
  return row.locator(`[data-testid="lane"][data-container="${container}"] button`).evaluateAll((els) =>
    els.map((el) => ({
      testid: el.getAttribute('data-testid'),
      state: el.getAttribute('data-state'),
      image: el.getAttribute('data-image'),
      start: Number(el.getAttribute('data-start') ?? NaN),
      at: Number(el.getAttribute('data-at') ?? NaN),
      to: el.getAttribute('data-to'),
      serving: el.hasAttribute('data-serving'),
    })),
  );
}

/** The same steps on the page: segments, restart and flip markers of the pod's lanes, in time order. */
export async function expectStepsOnPage(page: Page, pod: string, steps: UpgradeSteps, target: string): Promise<void> {
  const row = page.locator(`[data-testid="pod-timeline"][data-pod="${pod}"]`);
  await expect(row).toBeVisible();
  const fresh = await laneItems(row, steps.newSlot);
  const segs = fresh.filter((i) => i.testid === 'segment');
  const emptyBefore = segs.find((s) => s.state === 'empty' && s.start < steps.writeAt);
  const changing = segs.find((s) => s.state === 'waiting' && s.image === target && s.start === steps.writeAt);
  const restart = fresh.find((i) => i.testid === 'restart-marker' && i.at === steps.restartAt);
  const up = segs.find((s) => (s.state === 'running' || s.state === 'ready') && s.image === target && s.start >= steps.restartAt);
  const serving = segs.find((s) => s.state === 'ready' && s.image === target && s.serving && s.start >= steps.readyAt);
  const flip = fresh.find((i) => i.testid === 'flip-marker' && i.to === steps.newSlot && i.at === steps.flipAt);
  expect({ emptyBefore: !!emptyBefore, changing: !!changing, restart: !!restart, up: !!up, serving: !!serving, flip: !!flip }, `${pod} ${steps.newSlot}: ${JSON.stringify(fresh)}`).toEqual({
    emptyBefore: true,
    changing: true,
    restart: true,
    up: true,
    serving: true,
    flip: true,
  });
  const old = (await laneItems(row, steps.oldSlot)).filter((i) => i.testid === 'segment');
  expect(old.some((s) => s.state === 'empty' && s.start >= steps.flipAt), `${pod} ${steps.oldSlot}: ${JSON.stringify(old)}`).toBe(true);
  for (const band of ['Upgrade', 'Migration', 'Reset']) await expect(row.locator(`[data-testid="phase-band"][data-band="${band}"]`).first()).toBeAttached();
}
