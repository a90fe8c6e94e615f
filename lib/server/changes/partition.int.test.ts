/**
 * Canary by partition on a real embedded cluster (seed: mosn, 3 pods, maxUnavailable 1): the batch the dashboard
 * predicts is the batch the simulated Kruise controller takes, over two partitions; Advance (one batch lower)
 * releases exactly the next predicted pod; bad or stale partitions change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSidecarSet, patchSidecarSet, setMosnImage, waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import { rolloutBatches } from '@/lib/sidecarset';
import { DashboardError } from '../http/dashboard-error';
import { createDashboard, type Dashboard } from '../live/dashboard';
import { startSessionCluster, type SessionCluster } from '../dashboard.testkit';
import { setPaused } from './mutations';
import { setPartition } from './partition';

let c: SessionCluster;
let d: Dashboard;

const views = () => {
  if (!d.views) throw new Error('not ready');
  return d.views;
};
const updatedPods = () => (views().detail('mosn')?.pods ?? []).filter((p) => p.updated).map((p) => p.uid ?? p.name).sort();

async function refusal(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof DashboardError) return e.status;
    if (e instanceof Error && e.name === 'ZodError') return 400;
    throw e;
  }
}

/** Paused, wait until the dashboard's plan shows `partition` on the current spec, and predict the next batch. */
async function predictWhilePaused(partition: number): Promise<string[]> {
  await waitFor('the plan at the new partition', () => {
    const plan = views().plan('mosn');
    const s = views().detail('mosn')?.summary;
    return plan && s?.updateStrategy.paused && s.updateStrategy.partition === partition && !s.statusStale && plan.waiting.length > 0 ? plan : undefined;
  });
  const plan = views().plan('mosn');
  if (!plan) throw new Error('no plan');
  return [...(rolloutBatches(plan).batches[0] ?? [])].sort();
}

beforeAll(async () => {
  c = await startSessionCluster({ speed: 20 });
  d = createDashboard(c.session);
  await waitFor('mosn and its 3 ready pods', () => (views().detail('mosn')?.pods.filter((p) => p.kruiseReady).length ?? 0) === 3, 30_000);
}, 60_000);

afterAll(async () => {
  d.views?.stop();
  await c.stop();
});

describe('partition', () => {
  it('refuses bad and stale values with 400/422/409 and changes nothing', async () => {
    // Kruise's defaulting sets partition 0.
    const before = (await getSidecarSet(c.t.custom)).spec.updateStrategy?.partition;
    expect(before).toBe(0);
    expect(await refusal(setPartition(d, 'mosn', { partition: -1 }))).toBe(400);
    expect(await refusal(setPartition(d, 'mosn', { partition: '150%' }))).toBe(400);
    expect(await refusal(setPartition(d, 'mosn', { partition: 4 }))).toBe(422);
    expect(await refusal(setPartition(d, 'mosn', { partition: 1, fromPartition: 2 }))).toBe(409);
    expect(await refusal(setPartition(d, 'mosn', { partition: 1, fromPartition: null }))).toBe(409);
    expect(await refusal(setPartition(d, 'nope', { partition: 1 }))).toBe(404);
    expect((await getSidecarSet(c.t.custom)).spec.updateStrategy?.partition).toBe(before);
  });

  it('the controller takes exactly the predicted batch, and Advance the next one', async () => {
    await setPaused(d, 'mosn', true, {});
    await setPartition(d, 'mosn', { partition: 2, fromPartition: 0 });
    expect((await getSidecarSet(c.t.custom)).spec.updateStrategy?.partition).toBe(2);
    await setMosnImage(c.t.custom, 'tinyqian/mosn:v2');
    const first = await predictWhilePaused(2);
    expect(first).toHaveLength(1);
    await setPaused(d, 'mosn', false, {});
    await waitFor('the first batch upgraded', () => updatedPods().length === 1 && views().detail('mosn')?.summary.inFlight === 0, 30_000);
    expect(updatedPods()).toEqual(first);

    // Advance: one batch lower, from the partition the user saw.
    const advanceTo = rolloutBatches(views().plan('mosn')!).advanceTo;
    expect(advanceTo).toBe(1);
    await setPaused(d, 'mosn', true, {});
    await setPartition(d, 'mosn', { partition: advanceTo ?? 1, fromPartition: 2 });
    const second = await predictWhilePaused(1);
    expect(second).toHaveLength(1);
    expect(first).not.toEqual(second);
    await setPaused(d, 'mosn', false, {});
    await waitFor('the second batch upgraded', () => updatedPods().length === 2 && views().detail('mosn')?.summary.inFlight === 0, 30_000);
    expect(updatedPods()).toEqual([...first, ...second].sort());
    // The last pod stays held by the partition.
    await new Promise((r) => setTimeout(r, 1500));
    expect(updatedPods()).toHaveLength(2);
    await patchSidecarSet(c.t.custom, [{ op: 'replace', path: '/spec/updateStrategy/partition', value: 0 }]);
  }, 120_000);
});
