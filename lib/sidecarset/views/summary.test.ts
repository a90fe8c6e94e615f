import { describe, expect, it } from 'vitest';
import { podCopy } from '../fixtures/pods';
import { samplePod, sampleMosnSidecarSet, sampleSidecarSetV1alpha1, sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { sidecarSetV2, timelinePods } from '../fixtures/timeline-pods';
import { podViews, sidecarSetView, summarizeSidecarSet, type PodMemo } from './summary';
import type { Pod } from 'kubernetes-types/core/v1';

const t = timelinePods();

describe('summarizeSidecarSet (spec §8.1)', () => {
  it('summarises the stored sample', () => {
    const s = summarizeSidecarSet(sampleSidecarSetV1beta1(), [samplePod()], undefined);
    expect(s).toMatchObject({
      name: 'hotupgrade-sidecarset',
      apiVersion: 'v1beta1',
      statusStale: false,
      latestRevision: 'hotupgrade-sidecarset-6c8b7d94f5',
      selectorText: 'app=hotupgrade',
      namespaceSelectorText: 'kubernetes.io/metadata.name=default',
      injectionPaused: false,
      counters: { matched: 3, updated: 3, ready: 3, updatedReady: 3 },
      liveCounters: { matched: 1, updated: 1, ready: 1, updatedReady: 1 },
      progress: { assigned: { count: 3, total: 3, fraction: 1 }, completed: { count: 3, total: 3, fraction: 1 } },
      inFlight: 0,
      blockedReasons: [],
      phaseCounts: { Done: 1 },
    });
    expect(s.containers).toEqual([
      {
        name: 'sidecar',
        image: 'openkruise/hotupgrade-sample:sidecarv1',
        upgradeType: 'HotUpgrade',
        emptyImage: 'openkruise/hotupgrade-sample:empty',
        podInjectPolicy: 'BeforeAppContainer',
        shareVolumePolicy: 'disabled',
      },
    ]);
    expect(s.updateStrategy).toMatchObject({ type: 'RollingUpdate', paused: false, partition: 0, partitionCount: 0, maxUnavailable: 1, maxUnavailableCount: 1 });
  });

  it('accepts the v1alpha1 shapes, including spec.namespace', () => {
    expect(summarizeSidecarSet(sampleSidecarSetV1alpha1(), [samplePod()], undefined).apiVersion).toBe('v1alpha1');
    const mosn = summarizeSidecarSet(sampleMosnSidecarSet(), [], undefined);
    expect(mosn).toMatchObject({ apiVersion: 'v1alpha1', namespace: 'default', namespaceSelectorText: 'kubernetes.io/metadata.name=default' });
    expect(mosn.containers[0]).toMatchObject({ name: 'mosn', upgradeType: 'HotUpgrade', shareVolumePolicy: 'enabled' });
  });

  it('flags stale status', () => {
    const ss = sidecarSetV2();
    ss.status = { ...ss.status, observedGeneration: 1 };
    expect(summarizeSidecarSet(ss, [], undefined).statusStale).toBe(true);
    const notUpdate = sampleSidecarSetV1beta1();
    notUpdate.spec.updateStrategy = { type: 'NotUpdate' };
    expect(summarizeSidecarSet(notUpdate, [], undefined).statusStale).toBe(true);
  });

  it('follows a 3-pod rollout: in flight, the budget, counters [3,1,2,0] then [3,1,3,1]', () => {
    const ss = sidecarSetV2();
    const b = podCopy(t.T0, 'b', 6);
    const c = podCopy(t.T0, 'c', 7);
    const mid = sidecarSetView(ss, [podCopy(t.T1, 'a', 5), b, c], undefined);
    expect(mid.summary.liveCounters).toEqual({ matched: 3, updated: 1, ready: 2, updatedReady: 0 });
    expect(mid.summary.inFlight).toBe(1);
    expect(mid.summary.blockedReasons.map((r) => r.code)).toEqual(['MaxUnavailableExhausted']);
    expect(mid.pods.map((p) => [p.name, p.upgradePhase, p.pending?.reason])).toEqual([
      ['a', 'NewStarting', undefined],
      ['b', 'Pending', 'Queued'],
      ['c', 'Pending', 'Queued'],
    ]);
    const after = sidecarSetView(ss, [podCopy(t.T5, 'a', 5), b, c], undefined);
    expect(after.summary.liveCounters).toEqual({ matched: 3, updated: 1, ready: 3, updatedReady: 1 });
    expect(after.pods.map((p) => p.pending?.reason)).toEqual([undefined, 'Queued', 'NextInLine']);
  });

  it('explains paused, partition and NotUpgradable', () => {
    const paused = sidecarSetV2();
    paused.spec.updateStrategy = { paused: true };
    const views = sidecarSetView(paused, [podCopy(t.T3, 'a', 5), podCopy(t.T0, 'b', 6)], undefined);
    expect(views.summary.blockedReasons.map((r) => r.code)).toEqual(['Paused']);
    expect(views.summary.blockedReasons[0]?.message).toMatch(/1 pod frozen mid-upgrade/);
    expect(views.pods.map((p) => [p.upgradePhase, p.pending?.reason])).toEqual([
      ['FrozenBothRunning', undefined],
      ['Pending', 'Paused'],
    ]);
    const partition = sidecarSetV2();
    partition.spec.updateStrategy = { partition: 2 };
    const held = summarizeSidecarSet(partition, [podCopy(t.T0, 'a', 5), podCopy(t.T0, 'b', 6)], undefined);
    expect(held.blockedReasons.map((r) => r.code)).toEqual(['PartitionReached']);
    const edited = sidecarSetV2();
    (edited.metadata.annotations ?? {})['kruise.io/sidecarset-hash-without-image'] = 'other';
    const stuck = sidecarSetView(edited, [podCopy(t.T0, 'a', 5)], undefined);
    expect(stuck.summary.blockedReasons.map((r) => r.code)).toEqual(['NotUpgradable']);
    expect(stuck.pods[0]?.upgradePhase).toBe('NotUpgradable');
  });

  it('reports failing pods and counts selected-but-not-injected pods', () => {
    const failing = podCopy(t.T1, 'a', 5);
    const st = failing.status?.containerStatuses?.find((s) => s.name === 'sidecar-2');
    if (st) st.state = { waiting: { reason: 'ImagePullBackOff' } };
    const bare = podCopy(samplePod(), 'bare', 9);
    delete bare.metadata?.annotations?.['kruise.io/sidecarset-injected-list'];
    const s = summarizeSidecarSet(sidecarSetV2(), [failing, podCopy(t.T0, 'b', 6), bare], undefined);
    expect(s.blockedReasons.map((r) => r.code)).toEqual(['FailingPods', 'MaxUnavailableExhausted']);
    expect(s.selectedButNotInjected).toBe(1);
    expect(s.phaseCounts).toEqual({ Failed: 1, Pending: 1, NotInjected: 1 });
  });
});

describe('podViews (spec §8.3)', () => {
  it('describes slots, versions and the upgradable condition mid-upgrade', () => {
    const [view] = podViews(sidecarSetV2(), [t.T1], undefined, { nowMs: Date.parse('2026-07-20T09:00:10Z') });
    expect(view).toMatchObject({
      name: 'busybox-7d9f8c6b5-x2k9p',
      namespace: 'default',
      member: true,
      updated: true,
      upgradable: true,
      podReady: true,
      kruiseReady: false,
      lastAssignedAtMs: Date.parse('2026-07-20T09:00:00Z'),
      controllerRevision: 'hotupgrade-sidecarset-7f9d5c4b86',
      upgradableCondition: { status: 'True', reason: 'AllSidecarsetUpgradable', perSidecarSet: { 'hotupgrade-sidecarset': true } },
      upgradePhase: 'NewStarting',
      phaseLabel: 'New container starting',
      severity: 'progress',
      kubectl: { ready: '3/3', status: 'Running', restarts: 0, age: '55m' },
    });
    const hot = view?.hotSidecars[0];
    expect(hot).toMatchObject({ name: 'sidecar', workingSlot: 'sidecar-2', standbySlot: 'sidecar-1', workingAnnotated: true, phase: 'NewStarting' });
    expect(hot?.slots.map((s) => [s.container, s.specImage, s.statusImage, s.consistent, s.version, s.versionAlt])).toEqual([
      ['sidecar-1', 'openkruise/hotupgrade-sample:sidecarv1', 'docker.io/openkruise/hotupgrade-sample:sidecarv1', true, '1', '1500'],
      ['sidecar-2', 'openkruise/hotupgrade-sample:sidecarv2', 'docker.io/openkruise/hotupgrade-sample:empty', false, '1500', '1'],
    ]);
    expect(view?.appContainers.map((c) => c.container)).toEqual(['busybox']);
  });

  it('skips unrelated pods', () => {
    const other = podCopy(samplePod(), 'other', 1);
    if (other.metadata) other.metadata = { ...other.metadata, labels: { app: 'else' }, annotations: {} };
    expect(podViews(sidecarSetV2(), [other], undefined)).toEqual([]);
  });
});

describe('sidecarSetView with a memo', () => {
  it('reuses unchanged pods\' views, rebuilds changed pods and pods whose place in the plan moved, and matches a fresh view', () => {
    const ss = sidecarSetV2();
    const memo = new WeakMap<Pod, PodMemo>();
    const b = podCopy(t.T0, 'b', 6);
    const c = podCopy(t.T0, 'c', 7);
    const first = sidecarSetView(ss, [podCopy(t.T1, 'a', 5), b, c], undefined, { memo });
    expect(first.pods.map((p) => p.pending?.reason)).toEqual([undefined, 'Queued', 'Queued']);
    // a finishes: the budget frees up, so c (next in line) must be rebuilt although its pod object is the same.
    const a2 = podCopy(t.T5, 'a', 5);
    const second = sidecarSetView(ss, [a2, b, c], undefined, { memo });
    expect(second).toEqual(sidecarSetView(ss, [a2, b, c], undefined));
    expect(second.pods.map((p) => p.pending?.reason)).toEqual([undefined, 'Queued', 'NextInLine']);
    expect(second.pods[2]).not.toBe(first.pods[2]);
    const third = sidecarSetView(ss, [a2, b, c], undefined, { memo });
    expect(third.pods.every((p, i) => p === second.pods[i])).toBe(true);
    // A new object for a (a write that kept its place in the plan): only a's view is rebuilt.
    const a3 = podCopy(t.T5, 'a', 5);
    const fourth = sidecarSetView(ss, [a3, b, c], undefined, { memo });
    expect(fourth.pods[0]).not.toBe(third.pods[0]);
    expect(fourth.pods[0]).toEqual(third.pods[0]);
    expect(fourth.pods.slice(1).every((p, i) => p === third.pods[i + 1])).toBe(true);
  });
});
