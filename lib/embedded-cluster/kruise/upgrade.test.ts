import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { buildUpgradableCondition, withUpgradableCondition } from './condition';
import { defaultSidecarSet } from './defaults';
import { needsHotUpgradeReset } from './pod-state';
import { calculateStatus, statusCounters } from './status';
import { sampleInjectedPod, sampleSidecarSets, timeline, type TimelineStep } from './testdata/fixtures';
import { findContainerToHotUpgrade, resetHotUpgradeSlot, upgradePod } from './upgrade';
import { SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION, type SidecarSet } from './types';

const REV2 = 'hotupgrade-sidecarset-7f9d5c4b86';
const V2_ID = 'docker.io/openkruise/hotupgrade-sample@sha256:da881f9a59d3d23f00281429be2875516f2813867ade89e9c26ff6b4f45c0211';
const EMPTY_ID = 'docker.io/openkruise/hotupgrade-sample@sha256:d6aded4ebec0fd6485ce62c6183c6c0a2b8ec715b0510442709a4752d526e742';

/** The sample SidecarSet after the image edit (generation 2, resourceVersion 1500). */
function sidecarSetWithImage(image: string, resourceVersion: string, latestRevision: string): SidecarSet {
  const { stored } = sampleSidecarSets();
  const ss = defaultSidecarSet({
    ...stored,
    metadata: { ...stored.metadata, generation: 2, resourceVersion },
    spec: { ...stored.spec, containers: (stored.spec.containers ?? []).map((c) => ({ ...c, image })) },
  });
  return { ...ss, status: { ...(ss.status ?? { matchedPods: 0, updatedPods: 0, readyPods: 0 }), latestRevision } };
}

/** What the kubelet reports once it restarted `name` with its spec image. */
function kubeletRestart(pod: Pod, name: string, imageID: string): Pod {
  const out = structuredClone(pod);
  const spec = out.spec?.containers.find((c) => c.name === name);
  const statuses: ContainerStatus[] = (out.status?.containerStatuses ?? []).map((s) =>
    s.name !== name ? s : { ...s, image: `docker.io/${spec?.image ?? ''}`, imageID, restartCount: (s.restartCount ?? 0) + 1 });
  return { ...out, status: { ...out.status, containerStatuses: statuses } };
}

const step = (name: string): TimelineStep => {
  const s = timeline().find((t) => t.step === name);
  if (!s) throw new Error(`no step ${name}`);
  return s;
};

/** The annotations a timeline step lists, minus the ones it marks "unchanged". */
function expectAnnotations(pod: Pod, s: TimelineStep, before: Pod): void {
  const ann = pod.metadata?.annotations ?? {};
  for (const [k, v] of Object.entries(s.annotations ?? {})) {
    expect(ann[k], k).toBe(v === 'unchanged' ? before.metadata?.annotations?.[k] : v);
  }
}

const images = (pod: Pod): Record<string, string> =>
  Object.fromEntries((pod.spec?.containers ?? []).filter((c) => c.name.startsWith('sidecar')).map((c) => [c.name, c.image ?? '']));

/** Counters of a 3-pod SidecarSet whose two other pods are still idle on v1. */
function counters(ss: SidecarSet, pod: Pod): number[] {
  const idle = sampleInjectedPod();
  return statusCounters(calculateStatus(ss, [pod, idle, structuredClone(idle)], REV2));
}

describe('hot upgrade timeline (sample-pod-hotupgrade-timeline.yaml)', () => {
  const ss = sidecarSetWithImage('openkruise/hotupgrade-sample:sidecarv2', '1500', REV2);
  const t0 = sampleInjectedPod();
  const t1 = upgradePod(t0, ss, { nowIso: '2026-07-20T09:00:00Z' });
  const t3 = kubeletRestart(t1, 'sidecar-2', V2_ID);
  const t4 = resetHotUpgradeSlot(t3, ss);
  const t5 = kubeletRestart(t4, 'sidecar-1', EMPTY_ID);

  it('the edited SidecarSet carries the v2 hash of spec §1.6 and the same hash-without-image', () => {
    expect(ss.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION]).toBe('wxv4247c7df4v4xvc4b85z5df8z4v58d4dx76z2x4d8c5842vzv7b48c82x6xvvf');
    expect(ss.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION])
      .toBe(t0.metadata?.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]?.match(/"hash":"(\w+)"/)?.[1]);
  });

  it('T0: steady v1', () => {
    expectAnnotations(t0, step('T0-steady-v1'), t0);
    expect(images(t0)).toEqual(step('T0-steady-v1')['spec.images']);
    expect(counters(ss, t0)).toEqual(step('T0-steady-v1').sidecarSetCounters);
  });

  it('T1: upgrade writes image, working map, versions, hash and in-place state', () => {
    expect(findContainerToHotUpgrade(ss.spec.containers?.[0] ?? { name: '' }, t0, ss)).toEqual(['sidecar-2', 'sidecar-1']);
    expectAnnotations(t1, step('T1-ctrl-upgrade'), t0);
    expect(images(t1)).toEqual(step('T1-ctrl-upgrade')['spec.images']);
    expect(t1.spec?.containers.map((c) => c.name)).toEqual(['sidecar-1', 'sidecar-2', 'busybox']);
    expect(counters(ss, t1)).toEqual(step('T1-ctrl-upgrade').sidecarSetCounters);
    expect(needsHotUpgradeReset(ss, t1)).toBe(false);
  });

  it('T1: the SidecarSetUpgradable condition', () => {
    const { condition, changed } = buildUpgradableCondition(t1, 'hotupgrade-sidecarset', true, '2026-07-20T09:00:01Z');
    expect(changed).toBe(true);
    expect(condition).toMatchObject({
      type: 'SidecarSetUpgradable', status: 'True', reason: 'AllSidecarsetUpgradable', message: '{"hotupgrade-sidecarset":true}',
    });
    const again = buildUpgradableCondition(withUpgradableCondition(t1, condition), 'hotupgrade-sidecarset', true, '2026-07-20T09:05:00Z');
    expect(again.changed).toBe(false);
    const other = buildUpgradableCondition(withUpgradableCondition(t1, condition), 'log-sidecarset', false, '2026-07-20T09:05:00Z');
    expect(other.condition).toMatchObject({
      status: 'False', reason: 'UpdateImmutableField', message: '{"hotupgrade-sidecarset":true,"log-sidecarset":false}',
      lastTransitionTime: '2026-07-20T09:05:00Z',
    });
  });

  it('T2/T3: the kubelet reports sidecar-2 on v2; the pod is waiting for its reset', () => {
    expect(counters(ss, t3)).toEqual(step('T3-kubelet-reports-sidecar-2-v2').sidecarSetCounters);
    expect(needsHotUpgradeReset(ss, t3)).toBe(true);
  });

  it('T4: reset sets the old slot to the empty image and zeroes its versions, hash untouched', () => {
    expectAnnotations(t4, step('T4-ctrl-reset-old'), t3);
    expect(t4.metadata?.annotations?.[SIDECARSET_HASH_ANNOTATION]).toBe(t3.metadata?.annotations?.[SIDECARSET_HASH_ANNOTATION]);
    expect(images(t4)).toEqual(step('T4-ctrl-reset-old')['spec.images']);
    expect(counters(ss, t4)).toEqual(step('T4-ctrl-reset-old').sidecarSetCounters);
    expect(needsHotUpgradeReset(ss, t4)).toBe(false);
  });

  it('T5: done once the kubelet restarted sidecar-1 on the empty image', () => {
    expect(counters(ss, t5)).toEqual(step('T5-kubelet-reports-sidecar-1-empty').sidecarSetCounters);
    expect(t5.status?.containerStatuses?.map((s) => s.restartCount)).toEqual([0, 1, 1]);
  });

  it('T6: the next upgrade reuses the slots the other way round', () => {
    const ss3 = sidecarSetWithImage('openkruise/hotupgrade-sample:sidecarv3', '1600', 'hotupgrade-sidecarset-x');
    const t6 = upgradePod(t5, ss3, { nowIso: '2026-07-20T10:00:00Z' });
    const expected = step('T6-next-upgrade-v3');
    expect(images(t6)).toEqual(expected['spec.images']);
    const ann = t6.metadata?.annotations ?? {};
    expect(ann['kruise.io/sidecarset-working-hotupgrade-container']).toBe('{"sidecar":"sidecar-1"}');
    expect(ann['version.sidecarset.kruise.io/sidecar-1']).toBe('1600');
    expect(ann['versionalt.sidecarset.kruise.io/sidecar-1']).toBe('1500');
    expect(ann['versionalt.sidecarset.kruise.io/sidecar-2']).toBe('1600');
    // The in-place state entry is reused: revision and timestamp stay those of the first upgrade.
    expect(ann['kruise.io/sidecarset-inplace-update-state']).toBe(
      '{"hotupgrade-sidecarset":{"revision":"wxv4247c7df4v4xvc4b85z5df8z4v58d4dx76z2x4d8c5842vzv7b48c82x6xvvf","updateTimestamp":"2026-07-20T09:00:00Z",' +
      `"lastContainerStatuses":{"sidecar-1":{"imageID":"${EMPTY_ID}"},"sidecar-2":{"imageID":"${EMPTY_ID}"}}}}`);
  });

  it('does not touch a pod that already runs the wanted images, but still rewrites its hash', () => {
    const again = upgradePod(t5, ss, { nowIso: '2026-07-20T11:00:00Z' });
    expect(images(again)).toEqual(images(t5));
    expect(again.metadata?.annotations?.[SIDECARSET_HASH_ANNOTATION]).toContain('"updateTimestamp":"2026-07-20T11:00:00Z"');
  });
});
