/**
 * Rollback to a revision on a real embedded cluster (seed: mosn, 3 pods): the history as the simulated Kruise
 * keeps it (ControllerRevisions in kruise-system), a rollback that re-applies the old image and is rolled out
 * again, and the refusals: unknown or foreign revision 404, stale view 409, paused 409, already there 422.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSidecarSet, setMosnImage, waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import { DashboardError } from '../http/dashboard-error';
import { createDashboard, type Dashboard } from '../live/dashboard';
import { startSessionCluster, type SessionCluster } from '../dashboard.testkit';
import { auditTrail } from './audit';
import { setPaused } from './mutations';
import { listRevisions, rollback } from './rollback';

let c: SessionCluster;
let d: Dashboard;

const summary = () => d.views?.detail('mosn')?.summary;
const image = async () => (await getSidecarSet(c.t.custom)).spec.containers?.[0]?.image;
const settled = (img: string) => async () => {
  const s = summary();
  const live = d.views?.detail('mosn');
  return s && !s.statusStale && s.inFlight === 0 && live?.pods.every((p) => p.updated && p.kruiseReady) && s.containers[0]?.image === img;
};

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

beforeAll(async () => {
  c = await startSessionCluster({ speed: 20 });
  d = createDashboard(c.session);
  await waitFor('mosn settled on v1', settled('tinyqian/mosn:v1'), 30_000);
}, 60_000);

afterAll(async () => {
  d.views?.stop();
  await c.stop();
});

describe('rollback', () => {
  it('lists the history, re-applies an old revision, and the controller rolls it out', async () => {
    await setMosnImage(c.t.custom, 'tinyqian/mosn:v2');
    await waitFor('mosn settled on v2', settled('tinyqian/mosn:v2'), 60_000);
    const revs = await listRevisions(d, 'mosn');
    expect(revs.map((r) => r.images.mosn)).toEqual(['tinyqian/mosn:v1', 'tinyqian/mosn:v2']);
    expect(revs.map((r) => r.current)).toEqual([false, true]);
    expect(revs[1]?.changes.map((ch) => ch.path)).toEqual(['containers[mosn].image']);
    const first = revs[0]!;
    expect(first.rollbackChanges).toEqual([{ path: 'containers[mosn].image', from: 'tinyqian/mosn:v2', to: 'tinyqian/mosn:v1' }]);

    expect(await refusal(rollback(d, 'mosn', { revision: first.name, fromRevision: first.name }))).toBe(409);
    expect(await refusal(rollback(d, 'mosn', { revision: 'mosn-doesnotexist' }))).toBe(404);
    expect(await refusal(rollback(d, 'mosn', { revision: 'Not A Name' }))).toBe(400);
    expect(await refusal(rollback(d, 'mosn', { revision: revs[1]!.name }))).toBe(422);
    await setPaused(d, 'mosn', true, {});
    await waitFor('paused in the cache', () => summary()?.updateStrategy.paused);
    expect(await refusal(rollback(d, 'mosn', { revision: first.name }))).toBe(409);
    await setPaused(d, 'mosn', false, {});
    await waitFor('resumed in the cache', () => summary()?.updateStrategy.paused === false);
    expect(await image()).toBe('tinyqian/mosn:v2');

    const res = await rollback(d, 'mosn', { revision: first.name, fromRevision: revs[1]!.name });
    expect(res).toMatchObject({ name: 'mosn', revision: first.name, from: revs[1]!.name });
    expect(await image()).toBe('tinyqian/mosn:v1');
    await waitFor('mosn rolled back on every pod', settled('tinyqian/mosn:v1'), 60_000);
    // Kruise reuses the old revision for the old spec and bumps its number (spec §1.7): it is now the newest.
    await waitFor('the old revision current again, renumbered', async () => {
      const now = await listRevisions(d, 'mosn');
      return now.length === 2 && now[1]?.name === first.name && now[1].current && now[1].revision > revs[1]!.revision;
    });
    expect(auditTrail(d, 'mosn').some((e) => e.reason === 'DashboardRollback' && e.message.includes(first.name))).toBe(true);
  }, 150_000);
});
