import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { startedEventPredicate } from './events';
import { HASH_V2, samplePod, sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { sidecarSetV2, sidecarSetV3, timelineEvents, timelinePods } from '../fixtures/timeline-pods';
import { podMembership } from '../kruise/membership';
import { hotSidecarPhase, podUpgradePhase, sidecarPhases, worstPhase } from './phase';
import { phaseInfo } from './phase-labels';
import type { SidecarContainer, SidecarSet } from '../kruise/types';

const sidecarOf = (ss: SidecarSet): SidecarContainer => ss.spec.containers?.[0] as SidecarContainer;
const phase = (ss: SidecarSet, pod: Pod, hints = {}) => hotSidecarPhase(ss, pod, sidecarOf(ss), hints);

function setStatus(pod: Pod, name: string, patch: Record<string, unknown>): Pod {
  const p = structuredClone(pod);
  const st = p.status?.containerStatuses?.find((s) => s.name === name);
  if (st) Object.assign(st, patch);
  return p;
}

describe('hotPhase over the timeline snapshots (spec §8.4)', () => {
  const t = timelinePods();
  const ss = sidecarSetV2();

  it('the injected sample pod is a member, updated and Done', () => {
    const v1 = sampleSidecarSetV1beta1();
    const pod = samplePod();
    expect(podMembership(v1, pod, undefined).member).toBe(true);
    expect(phase(v1, pod)).toBe('Done');
    expect(podUpgradePhase(v1, pod, podMembership(v1, pod, undefined))).toBe('Done');
  });

  it('walks Pending -> NewStarting -> Migrating -> ReadyToReset -> ResettingOld -> Done', () => {
    const started = startedEventPredicate(timelineEvents(), t.T2);
    expect(phase(ss, t.T0)).toBe('Pending');
    expect(phase(ss, t.T1)).toBe('NewStarting');
    expect(phase(ss, t.T2)).toBe('NewStarting'); // status is frozen while postStart blocks
    expect(phase(ss, t.T2, { hasStartedEventSince: started })).toBe('Migrating');
    expect(phase(ss, t.T3)).toBe('ReadyToReset');
    expect(phase(ss, t.T4)).toBe('ResettingOld');
    expect(phase(ss, t.T5)).toBe('Done');
    expect(phase(sidecarSetV3(), t.T6)).toBe('NewStarting');
  });

  it('ignores Started events from before the assignment', () => {
    const old = timelineEvents().map((e) => ({ ...e, lastTimestamp: '2026-07-20T08:05:04Z' }));
    expect(phase(ss, t.T2, { hasStartedEventSince: startedEventPredicate(old, t.T2) })).toBe('NewStarting');
  });

  it('reads Migrating from status when the new instance is already reported running', () => {
    const p = setStatus(t.T1, 'sidecar-2', { state: { running: { startedAt: '2026-07-20T09:00:02Z' } } });
    expect(phase(ss, p)).toBe('Migrating');
  });

  it('NewNotReady while the new slot is consistent but not ready', () => {
    expect(phase(ss, setStatus(t.T3, 'sidecar-2', { ready: false }))).toBe('NewNotReady');
  });

  it('FrozenBothRunning when paused or NotUpdate (v1.9+), ReadyToReset on <= 1.8', () => {
    const paused = sidecarSetV2();
    paused.spec.updateStrategy = { ...paused.spec.updateStrategy, paused: true };
    expect(phase(paused, t.T3)).toBe('FrozenBothRunning');
    expect(phase(paused, t.T3, { pausedFreezesReset: false })).toBe('ReadyToReset');
    const notUpdate = sidecarSetV2();
    notUpdate.spec.updateStrategy = { type: 'NotUpdate' };
    expect(phase(notUpdate, t.T3)).toBe('FrozenBothRunning');
  });
});

describe('failures (spec §3.4)', () => {
  const t = timelinePods();
  const ss = sidecarSetV2();

  it('ErrImagePull / CrashLoopBackOff in the new slot -> Failed', () => {
    const pull = setStatus(t.T1, 'sidecar-2', { ready: false, state: { waiting: { reason: 'ErrImagePull' } } });
    expect(phase(ss, pull)).toBe('Failed');
    const crash = setStatus(t.T1, 'sidecar-2', { ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } });
    expect(phase(ss, crash)).toBe('Failed');
  });

  it('a crash seen against the previous snapshot -> Failed; an upgrade restart is not', () => {
    const crashed = setStatus(t.T5, 'sidecar-2', {
      restartCount: 2,
      ready: false,
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    expect(phase(ss, crashed, { previousPod: t.T5 })).toBe('Failed');
    // T2 -> T3: sidecar-2 restarted (killed with exit 143) onto a new image: a normal hot upgrade.
    expect(phase(ss, t.T3, { previousPod: t.T2 })).toBe('ReadyToReset');
  });

  it('a hook failure event after the assignment -> Failed', () => {
    expect(phase(ss, t.T2, { hasFailureEventSince: (c: string) => c === 'sidecar-2' })).toBe('Failed');
  });

  it('a non-image edit makes waiting pods NotUpgradable', () => {
    const edited = sidecarSetV2();
    (edited.metadata.annotations ?? {})['kruise.io/sidecarset-hash-without-image'] = 'changed';
    expect(phase(edited, t.T0)).toBe('NotUpgradable');
  });
});

describe('cold sidecars and the pod phase', () => {
  it('a cold sidecar is Upgrading until the kubelet reports the new imageID; the pod takes the worst phase', () => {
    const ss = sidecarSetV2();
    ss.spec.containers = [...(ss.spec.containers ?? []), { name: 'busybox', image: 'openkruise/hotupgrade-sample:busybox2' }];
    const t = timelinePods();
    const pod = structuredClone(t.T5);
    const a = pod.metadata?.annotations ?? {};
    a['kruise.io/sidecarset-hash'] = JSON.stringify({ 'hotupgrade-sidecarset': { hash: HASH_V2, updateTimestamp: '2026-07-20T09:00:00Z' } });
    a['kruise.io/sidecarset-inplace-update-state'] = JSON.stringify({
      'hotupgrade-sidecarset': {
        lastContainerStatuses: {
          busybox: { imageID: pod.status?.containerStatuses?.find((s) => s.name === 'busybox')?.imageID },
        },
      },
    });
    const c = pod.spec?.containers.find((x) => x.name === 'busybox');
    if (c) c.image = 'openkruise/hotupgrade-sample:busybox2';
    expect(sidecarPhases(ss, pod)).toEqual([
      { name: 'sidecar', hot: true, phase: 'Done' },
      { name: 'busybox', hot: false, phase: 'Upgrading' },
    ]);
    expect(podUpgradePhase(ss, pod, podMembership(ss, pod, undefined))).toBe('Upgrading');
    const done = setStatus(pod, 'busybox', { image: 'docker.io/openkruise/hotupgrade-sample:busybox2', imageID: 'new-id' });
    expect(sidecarPhases(ss, done).map((e) => e.phase)).toEqual(['Done', 'Done']);
  });

  it('worstPhase ranks blocked states above in-flight ones above Pending and Done', () => {
    expect(worstPhase(['Done', 'Pending', 'ResettingOld'])).toBe('ResettingOld');
    expect(worstPhase(['NewStarting', 'NotUpgradable'])).toBe('NotUpgradable');
    expect(worstPhase(['Failed', 'NotUpgradable'])).toBe('Failed');
    expect(worstPhase([])).toBe('Done');
  });

  it('non-members get a membership phase', () => {
    const ss = sidecarSetV2();
    const pod = samplePod();
    delete pod.metadata?.annotations?.['kruise.io/sidecarset-injected-list'];
    expect(podUpgradePhase(ss, pod, podMembership(ss, pod, undefined))).toBe('NotInjected');
    expect(phaseInfo('NotInjected').severity).toBe('muted');
    expect(phaseInfo('Failed')).toMatchObject({ label: 'Failed', severity: 'error' });
  });
});
