/**
 * Issue 2, "Done when" #4 (second half): the failure scenarios that hold the rollout, as in spec §3.4 —
 * `not-upgradable` (a non-image edit: SidecarSetUpgradable=False, NotUpgradablePods, no upgrade),
 * `paused-mid-upgrade` (v1.9: both slots stay on real images, no reset) and `devshm-clash` (the new slot
 * crash-loops on the shared /dev/shm, the old keeps serving, the pod is NotReady). Observed over HTTPS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { annotation, containerStatus, counters, getSidecarSet, listPods, restarts, specImage, waitFor } from '../cluster.testkit';
import {
  eventLines, heldFor, historyOf, podEvents, podReady, probeMosn, startScenario, upgradedPods, waitingReasons, type ScenarioRun,
} from './scenario.testkit';

const EMPTY = 'openkruise/hotupgrade-sample:empty';
const WORKING = 'kruise.io/sidecarset-working-hotupgrade-container';

let run: ScenarioRun | undefined;
afterEach(async () => { await run?.stop(); run = undefined; });

describe('not-upgradable: an env change together with the image (spec §3.4 row 4)', () => {
  it('marks every pod SidecarSetUpgradable=False, records NotUpgradablePods, and upgrades none', async () => {
    run = await startScenario('not-upgradable');
    const { t } = run;
    const pods = await waitFor('three pods marked not upgradable', async () => {
      const ps = await listPods(t.core);
      const marked = ps.filter((p) => p.status?.conditions?.some((c) => c.type === 'SidecarSetUpgradable' && c.status === 'False'));
      return marked.length === 3 ? marked : undefined;
    });
    for (const p of pods) {
      expect(p.status?.conditions?.find((c) => c.type === 'SidecarSetUpgradable')).toMatchObject({
        status: 'False', reason: 'UpdateImmutableField', message: '{"mosn":false}',
      });
      // The pod keeps serving traffic normally; only the rollout skips it.
      expect(podReady(p)).toBe('True');
      expect([specImage(p, 'mosn-1'), specImage(p, 'mosn-2')]).toEqual(['tinyqian/mosn:v1', EMPTY]);
      expect(restarts(p)).toBe(0);
    }
    const ssEvents = await t.core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'involvedObject.kind=SidecarSet,involvedObject.name=mosn' });
    expect(ssEvents.items.map((e) => `${e.type ?? ''} ${e.reason ?? ''} ${e.message ?? ''}`)).toContain(
      'Normal NotUpgradablePods SidecarSet in-place update detected 3 not upgradable pod(s) in this round, will skip them.',
    );
    const ss = await getSidecarSet(t.custom);
    expect(ss.status?.observedGeneration).toBe(ss.metadata.generation);
    expect(await heldFor(t, 600)).toEqual(['3,0,3,0']);
    expect(await upgradedPods(t)).toEqual([]);
  });
});

describe('paused-mid-upgrade: updateStrategy.paused while a pod runs both slots (spec §3.4 row 6, §3.6)', () => {
  it('freezes that pod with both slots on real images: no reset, no further upgrade', async () => {
    run = await startScenario('paused-mid-upgrade');
    const { t } = run;
    const ss = await waitFor('the SidecarSet to be paused', async () => {
      const s = await getSidecarSet(t.custom);
      return s.spec.updateStrategy?.paused === true && s.status?.observedGeneration === s.metadata.generation ? s : undefined;
    });
    expect(ss.metadata.generation).toBe(3);
    const [frozen] = await upgradedPods(t);
    const name = frozen?.metadata?.name ?? '';
    // Hold for 2 s of wall time (40 s simulated: eight 5 s requeues, far past the 5 s after which Kruise would reset).
    expect(await heldFor(t, 2_000)).toEqual(['3,1,2,0']);
    const pod = (await listPods(t.core)).find((p) => p.metadata?.name === name) as V1Pod;
    expect([specImage(pod, 'mosn-1'), specImage(pod, 'mosn-2')]).toEqual(['tinyqian/mosn:v1', 'tinyqian/mosn:v2']);
    expect(JSON.parse(annotation(pod, WORKING) ?? '{}')).toEqual({ mosn: 'mosn-2' });
    expect(containerStatus(pod, 'mosn-2')?.image).toBe('docker.io/tinyqian/mosn:v2');
    expect(containerStatus(pod, 'mosn-1')?.image).toBe('docker.io/tinyqian/mosn:v1');
    expect(eventLines(await podEvents(t.core, name)).filter((l) => l.includes('ResetContainerSucceed'))).toEqual([]);
    // The other two pods were never touched.
    expect((await upgradedPods(t)).map((p) => p.metadata?.name)).toEqual([name]);
    for (const p of (await listPods(t.core)).filter((x) => x.metadata?.name !== name)) {
      expect([specImage(p, 'mosn-1'), specImage(p, 'mosn-2')]).toEqual(['tinyqian/mosn:v1', EMPTY]);
    }
    // Still frozen as seen by a v1alpha1 reader too.
    expect((await getSidecarSet(t.custom, 'mosn', 'v1alpha1')).spec.updateStrategy?.paused).toBe(true);
    expect(counters(await getSidecarSet(t.custom))).toEqual([3, 1, 2, 0]);
  });
});

describe('devshm-clash: supervisord keeps its socket in the pod-wide /dev/shm (spec §3.4, §7.1)', () => {
  it('crash-loops the new slot while the old one keeps serving, and the pod goes NotReady', async () => {
    run = await startScenario('devshm-clash');
    const { t } = run;
    const [first] = await waitFor('one pod to be upgraded', async () => {
      const ps = await upgradedPods(t);
      return ps.length === 1 ? ps : undefined;
    });
    const name = first?.metadata?.name ?? '';
    const pod = await waitFor('mosn-2 in CrashLoopBackOff', async () => {
      const p = (await listPods(t.core)).find((x) => x.metadata?.name === name) as V1Pod;
      const s = containerStatus(p, 'mosn-2');
      return s?.state?.waiting?.reason === 'CrashLoopBackOff' && s.restartCount >= 2 ? p : undefined;
    });
    expect(containerStatus(pod, 'mosn-2')?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(containerStatus(pod, 'mosn-1')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v1-devshm', ready: true, restartCount: 0 });
    expect(waitingReasons(historyOf(run.podWatch, name), 'mosn-1')).toEqual([]);
    expect(podReady(pod)).toBe('False');
    expect(await probeMosn(t, name)).toBe('v1-devshm@mosn-1');
    expect(eventLines(await podEvents(t.core, name)).filter((l) => l.includes('ResetContainerSucceed'))).toEqual([]);
    expect(await heldFor(t, 500)).toEqual(['3,1,2,0']);
    expect(await probeMosn(t, name)).toBe('v1-devshm@mosn-1');
  });
});
