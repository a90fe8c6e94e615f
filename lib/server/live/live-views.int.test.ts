/**
 * LiveViews on a real session over the embedded seed cluster (SidecarSet `mosn`, three pods, simulated kubelets):
 * what a page builds from the deltas always equals a from-scratch sidecarSetView of the same caches; a pod write
 * publishes that pod only; and a kubelet `Started` Event alone, with no pod write, moves a pod from NewStarting to
 * Migrating: the one change the per-pod memo cannot see by object identity, so LiveViews must drop the entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { setMosnImage, waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset';
import { Bus, type BusMessage } from './bus';
import { EventIndex } from './event-index';
import { LiveViews } from './live-views';
import {
  createPodEvent, freshSidecarSetView, podEvents, podViewKey, recordBus, startSessionCluster, type DetailDelta, type SessionCluster,
} from '../dashboard.testkit';

let c: SessionCluster;
let bus: Bus;
let events: EventIndex;
let views: LiveViews;
/** The pods as a page shows them: the first detail, then every delta applied, as the browser does. */
const shown = new Map<string, PodView>();
/** Deltas after which the page's pods or summary differed from a fresh view of the caches. */
const mismatches: string[] = [];
/** Detail deltas and SidecarSet cache changes, in the order they happened. */
const log: Array<{ delta: DetailDelta; id: number } | { sidecarSetRv: string }> = [];

function compareWithFresh(summary: SidecarSetSummary, at: string): void {
  const fresh = freshSidecarSetView(c.session, events, 'mosn');
  if (!fresh) return void mismatches.push(`${at}: no SidecarSet`);
  const want = new Map(fresh.pods.map((p) => [podViewKey(p), p]));
  for (const [k, p] of want) {
    const have = shown.get(k);
    if (JSON.stringify(have) !== JSON.stringify(p)) mismatches.push(`${at}: pod ${k} is ${have?.upgradePhase ?? 'missing'}@${have?.resourceVersion ?? ''}, fresh ${p.upgradePhase}@${p.resourceVersion ?? ''}`);
  }
  for (const k of shown.keys()) if (!want.has(k)) mismatches.push(`${at}: pod ${k} shown but not in a fresh view`);
  if (JSON.stringify(summary) !== JSON.stringify(fresh.summary)) mismatches.push(`${at}: summary differs`);
}

function onDetail(m: BusMessage): void {
  if (m.event !== 'detail') return;
  const delta = m.data as DetailDelta;
  for (const p of delta.upserts) shown.set(podViewKey(p), p);
  for (const k of delta.removed) shown.delete(k);
  log.push({ delta, id: m.id });
  // Publishing is synchronous inside the flush: the caches are exactly what the view was computed from.
  compareWithFresh(delta.summary, `delta ${m.id}`);
}

const deltas = (): Array<{ delta: DetailDelta; id: number }> => log.flatMap((e) => ('delta' in e ? [e] : []));
const upsertsOf = (key: string): Array<{ view: PodView; id: number }> =>
  deltas().flatMap(({ delta, id }) => delta.upserts.filter((p) => podViewKey(p) === key).map((view) => ({ view, id })));

beforeAll(async () => {
  c = await startSessionCluster({ speed: 10 });
  await c.t.cluster.waitForReadyPods(3, 30_000);
  bus = new Bus();
  // As context.ts wires them: the event index subscribes before the views that read it.
  events = new EventIndex(c.session);
  views = new LiveViews(c.session, bus, events);
  await waitFor('the seed at rest: [3,3,3,3] and every pod Done', () => {
    const d = views.detail('mosn');
    return d?.summary.counters.updatedReady === 3 && d.pods.length === 3 && d.pods.every((p) => p.upgradePhase === 'Done');
  }, 30_000);
  for (const p of views.detail('mosn')?.pods ?? []) shown.set(podViewKey(p), p);
  bus.subscribe((t) => t === 'sidecarset/mosn', onDetail);
  c.session.sidecarSets?.subscribe((e) => { if (e.type === 'MODIFIED') log.push({ sidecarSetRv: e.obj.metadata?.resourceVersion ?? '' }); });
}, 60_000);
afterAll(async () => {
  views?.stop();
  events?.stop();
  await c?.stop();
});

describe('LiveViews', () => {
  it('publishes a pod\'s write as a detail delta with that pod only, and no summary when the summary is unchanged', async () => {
    const target = [...shown.values()][0];
    expect(target).toBeDefined();
    const key = target ? podViewKey(target) : '';
    const summaries = recordBus(bus, (t) => t === 'sidecarsets');
    const from = log.length;
    // A label no selector reads: the pod's view changes only in its resourceVersion.
    const patched = await c.t.core.patchNamespacedPod(
      { namespace: 'default', name: target?.name ?? '', body: { metadata: { labels: { touched: 'by-test' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const rv = patched.metadata?.resourceVersion;
    const hit = await waitFor('the delta for the write', () => deltas().find(({ delta }) => delta.upserts.some((p) => p.resourceVersion === rv)));
    summaries.stop();
    expect(hit.delta.upserts.map(podViewKey)).toEqual([key]);
    expect(hit.delta.removed).toEqual([]);
    expect({ ...hit.delta.upserts[0], resourceVersion: target?.resourceVersion }).toEqual(target);
    expect(log.slice(from).filter((e) => 'delta' in e)).toHaveLength(1);
    expect(summaries.messages).toEqual([]);
    expect(views.detail('mosn')?.pods.find((p) => podViewKey(p) === key)?.resourceVersion).toBe(rv);
  });

  it('lists a deleted pod in `removed` and its replacement in `upserts`', async () => {
    const victim = [...shown.values()][1];
    const key = victim ? podViewKey(victim) : '';
    const from = log.length;
    await c.t.core.deleteNamespacedPod({ namespace: 'default', name: victim?.name ?? '', gracePeriodSeconds: 0 });
    const removal = await waitFor('the removal', () => log.slice(from).flatMap((e) => ('delta' in e ? [e] : [])).find(({ delta }) => delta.removed.includes(key)));
    expect(removal.delta.removed).toEqual([key]);
    expect(shown.has(key)).toBe(false);
    // The Deployment brings a new pod, injected and started by the simulated kubelet.
    await waitFor('the replacement', () => shown.size === 3 && [...shown.values()].every((p) => p.upgradePhase === 'Done'), 30_000);
    expect(mismatches).toEqual([]);
  });

  it('stays equal to a fresh view through a real hot upgrade, showing each pod Migrating while its postStart blocks', async () => {
    const generation = (await setMosnImage(c.t.custom, 'tinyqian/mosn:v2')).metadata.generation;
    await waitFor('the rollout to finish', () => {
      const d = views.detail('mosn');
      if (!d) return false;
      return d.summary.generation === generation && d.summary.observedGeneration === generation && d.summary.counters.updatedReady === 3 &&
        d.pods.every((p) => p.upgradePhase === 'Done' && p.updated);
    }, 60_000);
    expect(mismatches).toEqual([]);
    expect(shown.size).toBe(3);
    for (const key of shown.keys()) {
      const phases = upsertsOf(key).map((u) => u.view.upgradePhase);
      // The Started Event and the upgrade write may land in one flush, so NewStarting is not always seen.
      expect(phases, key).toContain('Migrating');
      expect(phases.at(-1), key).toBe('Done');
      // Migrating is read off the kubelet's Started Event for the new working slot.
      const pod = shown.get(key);
      const slot = `spec.containers{${pod?.hotSidecars[0]?.workingSlot ?? ''}}`;
      expect(podEvents(c.session, pod?.uid, 'Started').some((e) => e.involvedObject.fieldPath === slot), key).toBe(true);
    }
    const final = views.detail('mosn');
    const fresh = freshSidecarSetView(c.session, events, 'mosn');
    expect(final?.summary).toEqual(fresh?.summary);
    expect(new Map(final?.pods.map((p) => [podViewKey(p), p]))).toEqual(new Map(fresh?.pods.map((p) => [podViewKey(p), p])));
  }, 90_000);

  it('moves a pod from NewStarting to Migrating on the kubelet\'s Started Event alone, with no pod or SidecarSet write', async () => {
    // With the kubelets stopped the controller's upgrade write is the pod's last change, and the Started Event is
    // ours to send when the view has settled: the memo then holds the NewStarting view of this very pod object.
    for (const { kubelet } of c.t.cluster.components.kubelets.values()) kubelet.stop();
    const generation = (await setMosnImage(c.t.custom, 'tinyqian/mosn:v3')).metadata.generation;
    const starting = await waitFor('one pod NewStarting, status observed', () => {
      const d = views.detail('mosn');
      const p = d?.pods.filter((v) => v.upgradePhase === 'NewStarting');
      return d && d.summary.observedGeneration === generation && d.summary.counters.updated === 1 && p?.length === 1 ? p[0] : undefined;
    }, 30_000);
    const ssRv = c.session.sidecarSets?.get('mosn')?.metadata?.resourceVersion;
    await new Promise((r) => setTimeout(r, 300));
    expect(views.detail('mosn')?.pods.find((p) => p.uid === starting.uid)).toBe(starting);
    const from = log.length;
    const key = podViewKey(starting);
    const slot = starting.hotSidecars[0]?.workingSlot;
    await createPodEvent(c.t, c.session.pods.get(key) ?? {}, { name: `${starting.name}.started-by-test`, reason: 'Started', container: slot });
    const hit = await waitFor('the Migrating delta', () => log.slice(from).flatMap((e) => ('delta' in e ? e.delta.upserts : [])).find((p) => podViewKey(p) === key));
    expect(hit.upgradePhase).toBe('Migrating');
    expect(hit.resourceVersion).toBe(starting.resourceVersion);
    expect(c.session.pods.get(key)?.metadata?.resourceVersion).toBe(starting.resourceVersion);
    expect(log.slice(from).filter((e) => 'sidecarSetRv' in e)).toEqual([]);
    expect(c.session.sidecarSets?.get('mosn')?.metadata?.resourceVersion).toBe(ssRv);
    expect(mismatches).toEqual([]);
  });
});
