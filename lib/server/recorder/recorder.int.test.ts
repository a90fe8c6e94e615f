/**
 * TimelineRecorder's bounds and gaps on a real session: a per-pod cap that drops the oldest entries, a total cap
 * that evicts deleted pods' timelines first and then halves the biggest, a running total that always equals what
 * is kept, and one gap per outage (hatched in the UI) even when the resumed watch says SYNCED before its 410.
 * Pods sit on a node no kubelet runs and carry only the injected-list annotation, so every entry comes from an
 * Event the test sends (with a time an hour ago, which the recorder keeps as it is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { rawRequest, waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import { POD_INJECTED_LIST } from '@/lib/sidecarset';
import { Bus } from '../live/bus';
import { EventIndex } from '../live/event-index';
import { createIdlePod, createPodEvent, recordBus, startSessionCluster, type BusRecording, type SessionCluster } from '../dashboard.testkit';
import type { Gap } from './pod-timeline';
import { TimelineRecorder, type TimelineSnapshot } from './recorder';

const PER_POD = 4;
const TOTAL = 10;
const T0 = Date.now() - 3_600_000;

let c: SessionCluster;
let bus: Bus;
let events: EventIndex;
let recorder: TimelineRecorder;
let gapMessages: BusRecording;
const pods = new Map<string, V1Pod>();
let sent = 0;

/** Send n Events for a pod, `seconds` apart from T0 + startS, and wait until the recorder has seen them all. */
async function sendEvents(pod: string, startS: number, n: number): Promise<void> {
  const p = pods.get(pod);
  if (!p) throw new Error(`no pod ${pod}`);
  const topic = recordBus(bus, (t) => t === `pod/default/${pod}`);
  for (let i = 0; i < n; i++) await createPodEvent(c.t, p, { name: `${pod}.${++sent}`, at: new Date(T0 + (startS + i) * 1000) });
  await waitFor(`${n} entries for ${pod}`, () => topic.messages.length === n);
  topic.stop();
}

const timeline = (pod: string): TimelineSnapshot | undefined => recorder.timeline('default', pod);
/** Which Events (by the second they were sent for) a pod's timeline still holds, oldest first. */
const kept = (pod: string): number[] => (timeline(pod)?.entries ?? []).flatMap((e) => (e.kind === 'event' ? [Math.round((e.atMs - T0) / 1000)] : []));

function expectConsistentTotal(): void {
  const all = recorder.timelinesFor('mosn');
  expect(recorder.entryCount()).toBe(all.reduce((n, t) => n + t.entries.length, 0));
  expect(recorder.entryCount()).toBeLessThanOrEqual(TOTAL);
  for (const t of all) expect(t.entries.length).toBeLessThanOrEqual(PER_POD);
  // The cached JSON (built at the previous check) was dropped by every change since.
  expect(recorder.timelinesJsonFor('mosn')).toBe(JSON.stringify(all));
}

beforeAll(async () => {
  c = await startSessionCluster({ scenario: 'empty' });
  for (const name of ['a', 'b', 'c', 'd']) pods.set(name, await createIdlePod(c.t, name, { [POD_INJECTED_LIST]: 'mosn' }));
  await createIdlePod(c.t, 'untracked');
  await waitFor('the pods in the cache', () => c.session.pods.size === 5);
  bus = new Bus();
  events = new EventIndex(c.session);
  gapMessages = recordBus(bus, (t) => t === 'status');
  recorder = new TimelineRecorder(c.session, bus, () => undefined, events, { perPodCap: PER_POD, totalCap: TOTAL, deletedRetentionMs: 600_000 });
});
afterAll(async () => {
  recorder?.stop();
  events?.stop();
  await c?.stop();
});

describe('TimelineRecorder', () => {
  it('keeps a timeline for every pod that lists a SidecarSet as injected, and none for others', async () => {
    expect(recorder.timelinesFor('mosn').map((t) => t.name).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(timeline('untracked')).toBeUndefined();
    await createPodEvent(c.t, { metadata: { name: 'untracked', namespace: 'default', uid: 'x' } }, { name: 'untracked.1' });
    expect(recorder.entryCount()).toBe(0);
  });

  it('caps each pod\'s timeline, dropping its oldest entries and counting them as truncated', async () => {
    await sendEvents('a', 0, 6);
    expect(kept('a')).toEqual([2, 3, 4, 5]);
    expect(timeline('a')?.truncated).toBe(2);
    expect(recorder.entryCount()).toBe(4);
    // A late Event older than everything kept is dropped at once: the cap keeps the newest.
    await sendEvents('a', -10, 1);
    expect(kept('a')).toEqual([2, 3, 4, 5]);
    expect(timeline('a')?.truncated).toBe(3);
    expectConsistentTotal();
  });

  it('over the total cap, trims the biggest timelines\' oldest half until 90 % of the cap', async () => {
    await sendEvents('b', 10, 4);
    await sendEvents('c', 20, 2);
    expect(recorder.entryCount()).toBe(10);
    await sendEvents('c', 22, 1);
    // 11 > 10: a and b hold 4 each; a (first of the biggest) loses its oldest 2, which brings the total to 9.
    expect(kept('a')).toEqual([4, 5]);
    expect(kept('b')).toEqual([10, 11, 12, 13]);
    expect(kept('c')).toEqual([20, 21, 22]);
    expect(recorder.entryCount()).toBe(9);
    expectConsistentTotal();
  });

  it('evicts deleted pods\' timelines before trimming anyone else\'s', async () => {
    await c.t.core.deleteNamespacedPod({ namespace: 'default', name: 'b', gracePeriodSeconds: 0 });
    await waitFor('b marked deleted', () => timeline('b')?.deleted);
    // The deletion is an entry of its own, past b's cap: b still holds 4 and the total is unchanged.
    expect(timeline('b')?.entries.at(-1)?.text).toBe('pod deleted');
    expect(recorder.entryCount()).toBe(9);
    await sendEvents('d', 30, 2);
    expect(timeline('b')).toBeUndefined();
    expect(kept('a')).toEqual([4, 5]);
    expect(kept('c')).toEqual([20, 21, 22]);
    expect(kept('d')).toEqual([30, 31]);
    expect(recorder.entryCount()).toBe(7);
    expectConsistentTotal();
  });

  it('records one gap per outage, closed when pods and events have both re-synced, 410 relist included', async () => {
    const before = recorder.gapsSnapshot();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ startMs: 0, relist: false });
    gapMessages.messages.length = 0;
    // A write the pod and event watches do not see puts their resourceVersion behind the compaction: both get 410.
    await c.t.core.createNamespace({ body: { metadata: { name: 'moves-the-revision' } } });
    expect((await rawRequest(c.t.kc, 'POST', '/debug/embedded/restart?downMs=300&compact=1')).status).toBe(202);
    const gaps = await waitFor('the gap closed after relists', () => {
      const g = recorder.gapsSnapshot();
      const relisted = c.session.pods.freshness().relists > 0 && c.session.events.freshness().relists > 0;
      return relisted && g[1]?.endMs !== undefined && c.session.freshness().every((f) => f.state === 'live') ? g : undefined;
    }, 25_000);
    // The resumed watches' early SYNCED and the 410 right after it did not split the outage in two.
    expect(gaps).toHaveLength(2);
    const gap = gaps[1] as Gap;
    expect(gap.relist).toBe(true);
    expect(gap.reason).toContain('410');
    expect(gap.endMs).toBeGreaterThanOrEqual(gap.startMs);
    // The page hears of it while it is open and when it closes, always under the same id.
    // As serialised when published (the recorder goes on mutating the open gap object itself).
    const published = gapMessages.messages.filter((m) => m.event === 'gap').map((m) => JSON.parse(m.json) as Gap);
    expect(new Set(published.map((g) => g.id))).toEqual(new Set([gap.id]));
    expect(published.some((g) => g.endMs === undefined)).toBe(true);
    // And the recorder carries on: an Event after the outage is recorded.
    await sendEvents('d', 40, 1);
    expect(kept('d')).toEqual([30, 31, 40]);
    expectConsistentTotal();
  });
});
