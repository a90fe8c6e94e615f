/**
 * Issue 2, "Done when" #4 (first half): the failure scenarios whose new slot cannot run, as in spec §3.4 —
 * `bad-image` (ErrImagePull → ImagePullBackOff, rollout blocked at one pod, rescued by a good image) and
 * `poststart-timeout` (FailedPostStartHook → CrashLoopBackOff, the old slot never reset). Observed over HTTPS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import {
  annotation, containerStatus, counters, fullyReady, getSidecarSet, listPods, setMosnImage, specImage, waitFor,
} from '../cluster.testkit';
import {
  eventLines, heldFor, historyOf, podEvents, podReady, probeMosn, startScenario, upgradedPods, waitingReasons, type ScenarioRun,
} from './scenario.testkit';

const EMPTY = 'openkruise/hotupgrade-sample:empty';
const WORKING = 'kruise.io/sidecarset-working-hotupgrade-container';

let run: ScenarioRun | undefined;
afterEach(async () => { await run?.stop(); run = undefined; });

describe('bad-image: a new image that cannot be pulled (spec §3.4 row 1)', () => {
  it('goes ErrImagePull → ImagePullBackOff, blocks the rollout at one pod while v1 serves, and a good image rescues it', async () => {
    run = await startScenario('bad-image');
    const { t } = run;
    const [stuck] = await waitFor('one pod to be upgraded', async () => {
      const ps = await upgradedPods(t);
      return ps.length === 1 ? ps : undefined;
    });
    const name = stuck?.metadata?.name ?? '';
    const pod = await waitFor('ImagePullBackOff', async () => {
      const p = (await listPods(t.core)).find((x) => x.metadata?.name === name);
      return containerStatus(p as V1Pod, 'mosn-2')?.state?.waiting?.reason === 'ImagePullBackOff' ? p : undefined;
    });
    expect(waitingReasons(historyOf(run.podWatch, name), 'mosn-2').slice(0, 2)).toEqual(['ErrImagePull', 'ImagePullBackOff']);
    expect(specImage(pod, 'mosn-2')).toBe('tinyqian/mosn:v2-notfound');
    // The working annotation already says mosn-2, but mosn-1 (v1) still runs and serves.
    expect(JSON.parse(annotation(pod, WORKING) ?? '{}')).toEqual({ mosn: 'mosn-2' });
    expect(containerStatus(pod, 'mosn-1')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v1', ready: true, restartCount: 0 });
    expect(containerStatus(pod, 'mosn-2')?.state?.waiting?.message).toMatch(/^Back-off pulling image "tinyqian\/mosn:v2-notfound": ErrImagePull: rpc error: code = NotFound/);
    expect(podReady(pod)).toBe('False');
    expect(await probeMosn(t, name)).toBe('v1@mosn-1');
    const lines = eventLines(await podEvents(t.core, name));
    expect(lines).toContain('Warning Failed mosn-2 Error: ErrImagePull');
    expect(lines).toContain('Normal BackOff mosn-2 Back-off pulling image "tinyqian/mosn:v2-notfound"');
    expect(lines).toContain('Warning Failed mosn-2 Error: ImagePullBackOff');
    expect(lines.some((l) => l.startsWith('Warning Failed mosn-2 Failed to pull image "tinyqian/mosn:v2-notfound": ') && l.endsWith('not found'))).toBe(true);

    // maxUnavailable 1 is used up: nothing else moves (1 s wall is 20 s simulated, four 5 s requeues).
    expect(await heldFor(t, 1_000)).toEqual(['3,1,2,0']);
    // The pull back-off (10 s, 20 s, ... of simulated time) runs on the cluster's clock: a third attempt comes
    // within seconds of wall time at speed 20, and each back-off period is reported once or twice, not in a loop.
    const pullFailures = await waitFor('a third failed pull', async () => {
      const n = (await podEvents(t.core, name)).find((e) => e.reason === 'Failed' && (e.message ?? '').startsWith('Failed to pull image'))?.count ?? 0;
      return n >= 3 ? n : undefined;
    }, 10_000);
    const backOffs = (await podEvents(t.core, name)).find((e) => e.reason === 'BackOff')?.count ?? 0;
    expect(backOffs).toBeLessThanOrEqual(2 * pullFailures + 2);
    expect((await upgradedPods(t)).map((p) => p.metadata?.name)).toEqual([name]);

    // Publishing a good image rescues it: the not-ready slot mosn-2 is upgraded again, mosn-1 keeps working meanwhile.
    const patched = await setMosnImage(t.custom, 'tinyqian/mosn:v2');
    await waitFor('rollout to finish', async () => {
      const ss = await getSidecarSet(t.custom);
      return ss.status?.observedGeneration === patched.metadata.generation && counters(ss).join() === '3,3,3,3';
    }, 60_000);
    const pods = await waitFor('3 ready pods', async () => {
      const ps = await listPods(t.core);
      return ps.length === 3 && ps.every(fullyReady) ? ps : undefined;
    });
    for (const p of pods) {
      expect(JSON.parse(annotation(p, WORKING) ?? '{}')).toEqual({ mosn: 'mosn-2' });
      expect([specImage(p, 'mosn-1'), specImage(p, 'mosn-2')]).toEqual([EMPTY, 'tinyqian/mosn:v2']);
      expect(await probeMosn(t, p.metadata?.name ?? '')).toBe('v2@mosn-2');
    }
  });
});

describe('poststart-timeout: the new slot\'s postStart hook fails (spec §3.4 row 2)', () => {
  it('records FailedPostStartHook, crash-loops the new slot with back-off, and never resets the old slot', async () => {
    run = await startScenario('poststart-timeout');
    const { t } = run;
    const [first] = await waitFor('one pod to be upgraded', async () => {
      const ps = await upgradedPods(t);
      return ps.length === 1 ? ps : undefined;
    });
    const name = first?.metadata?.name ?? '';
    const pod = await waitFor('CrashLoopBackOff after two failed hooks', async () => {
      const p = (await listPods(t.core)).find((x) => x.metadata?.name === name) as V1Pod;
      const s = containerStatus(p, 'mosn-2');
      return s?.state?.waiting?.reason === 'CrashLoopBackOff' && s.restartCount >= 2 ? p : undefined;
    });
    const reasons = waitingReasons(historyOf(run.podWatch, name), 'mosn-2');
    expect(reasons[0]).toBe('PostStartHookError');
    expect(reasons).toContain('CrashLoopBackOff');
    expect(containerStatus(pod, 'mosn-2')?.lastState?.terminated).toBeDefined();
    expect(containerStatus(pod, 'mosn-2')?.state?.waiting?.message).toMatch(/^back-off \d+s restarting failed container=mosn-2 pod=/);
    const lines = eventLines(await podEvents(t.core, name));
    expect(lines).toContain('Warning FailedPostStartHook mosn-2 PostStartHook failed');
    expect(lines).toContain('Normal Killing mosn-2 FailedPostStartHook');
    expect(lines.some((l) => l.startsWith('Warning BackOff mosn-2 Back-off restarting failed container mosn-2 in pod '))).toBe(true);

    // Kruise waits for mosn-2 to be ready, so it never resets mosn-1: the old slot stays on v1 and keeps running.
    expect(lines.filter((l) => l.includes('ResetContainerSucceed'))).toEqual([]);
    expect([specImage(pod, 'mosn-1'), specImage(pod, 'mosn-2')]).toEqual(['tinyqian/mosn:v1', 'tinyqian/mosn:v2']);
    expect(JSON.parse(annotation(pod, WORKING) ?? '{}')).toEqual({ mosn: 'mosn-2' });
    expect(containerStatus(pod, 'mosn-1')?.image).toBe('docker.io/tinyqian/mosn:v1');
    // It never crash-loops itself: its own restarts (after MOSN's self-exit, spec §7.3) pass the hook.
    expect(waitingReasons(historyOf(run.podWatch, name), 'mosn-1')).not.toContain('PostStartHookError');
    expect(podReady(pod)).toBe('False');
    expect(await heldFor(t, 500)).toEqual(['3,1,2,0']);
  });
});
