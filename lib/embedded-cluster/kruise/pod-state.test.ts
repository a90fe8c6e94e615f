import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { getMatchingPods, isPodConsistentWithSidecarSet, isSidecarSetMember, podMatchesSidecarSet } from './membership';
import { parseUpgradeSpecs, serializeUpgradeSpecs } from './pod-annotations';
import {
  hotUpgradeSlots,
  isHotUpgradingReady,
  isPodKruiseReady,
  isPodSidecarInHotUpgrading,
  isPodSidecarUpdated,
  isPodSidecarUpgradable,
  isPodStateConsistent,
  podSidecarSetHashes,
} from './pod-state';
import { sampleInjectedPod, sampleSidecarSets } from './testdata/fixtures';
import type { SidecarSet } from './types';

const NS = { 'kubernetes.io/metadata.name': 'default' };

function withAnnotations(pod: Pod, annotations: Record<string, string | undefined>): Pod {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...pod.metadata?.annotations, ...annotations })) if (v !== undefined) merged[k] = v;
  return { ...pod, metadata: { ...pod.metadata, annotations: merged } };
}

describe('pod predicates (spec §3.2, §8.3)', () => {
  const { stored } = sampleSidecarSets();
  const pod = sampleInjectedPod();

  it('reads the hash annotations, with the legacy {ss: hash} fallback', () => {
    expect(podSidecarSetHashes(pod, 'hotupgrade-sidecarset')).toMatchObject({
      hash: stored.metadata.annotations?.['kruise.io/sidecarset-hash'],
      updateTimestamp: '2026-07-20T08:05:00Z',
      controllerRevision: 'hotupgrade-sidecarset-6c8b7d94f5',
    });
    expect(isPodSidecarUpdated(stored, pod)).toBe(true);
    expect(isPodSidecarUpgradable(stored, pod)).toBe(true);
    const legacy = withAnnotations(pod, { 'kruise.io/sidecarset-hash': '{"hotupgrade-sidecarset":"abc"}' });
    expect(podSidecarSetHashes(legacy, 'hotupgrade-sidecarset').hash).toBe('abc');
    expect(parseUpgradeSpecs('{"a":"x","b":{"hash":"y"}}').ok).toBe(false);
    expect(serializeUpgradeSpecs(parseUpgradeSpecs(pod.metadata?.annotations?.['kruise.io/sidecarset-hash']).specs))
      .toBe(pod.metadata?.annotations?.['kruise.io/sidecarset-hash']);
  });

  it('working slot defaults to -2 when the annotation does not say -1', () => {
    expect(hotUpgradeSlots('sidecar', pod)).toEqual({ working: 'sidecar-1', standby: 'sidecar-2' });
    const noMap = withAnnotations(pod, { 'kruise.io/sidecarset-working-hotupgrade-container': undefined });
    expect(hotUpgradeSlots('sidecar', noMap)).toEqual({ working: 'sidecar-2', standby: 'sidecar-1' });
  });

  it('Kruise-ready needs the standby slot on the empty image and Running+Ready', () => {
    expect(isPodKruiseReady(stored, pod)).toBe(true);
    const flipped = withAnnotations(pod, { 'kruise.io/sidecarset-working-hotupgrade-container': '{"sidecar":"sidecar-2"}' });
    expect(isPodKruiseReady(stored, flipped)).toBe(false);
    expect(isPodSidecarInHotUpgrading(stored, flipped)).toBe(true);
    const deleting = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-07-20T09:00:00Z' } };
    expect(isPodKruiseReady(stored, deleting)).toBe(false);
  });

  it('consistency: no in-place state means consistent; a recorded unchanged imageID with a new spec image does not', () => {
    expect(isPodStateConsistent(stored, pod)).toBe(true);
    const containers = (pod.spec?.containers ?? []).map((c) => (c.name === 'sidecar-2' ? { ...c, image: 'openkruise/hotupgrade-sample:sidecarv2' } : c));
    const upgraded = withAnnotations({ ...pod, spec: { ...pod.spec, containers } }, {
      'kruise.io/sidecarset-inplace-update-state': JSON.stringify({ 'hotupgrade-sidecarset': {
        revision: 'x', updateTimestamp: null,
        lastContainerStatuses: { 'sidecar-2': { imageID: pod.status?.containerStatuses?.[2]?.imageID } },
      } }),
    });
    expect(isPodStateConsistent(stored, upgraded)).toBe(false);
    expect(isPodStateConsistent(stored, upgraded, ['sidecar-1'])).toBe(true);
    expect(isPodStateConsistent(stored, withAnnotations(pod, { 'kruise.io/sidecarset-inplace-update-state': 'garbage' }))).toBe(false);
    const missingStatus = { ...pod, status: { ...pod.status, containerStatuses: pod.status?.containerStatuses?.slice(1) } };
    expect(isPodStateConsistent(stored, missingStatus)).toBe(false);
  });

  it('consistency with digest images compares repo and digest of the imageID', () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    const ss: SidecarSet = { ...stored, spec: { ...stored.spec, containers: [{ name: 'log', image: `docker.io/log@${digest}` }] } };
    const p: Pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'log', image: `docker.io/log@${digest}` }] },
      status: { containerStatuses: [{ name: 'log', image: 'x', imageID: `docker-pullable://docker.io/log@${digest}`, ready: true, restartCount: 0 }] },
    };
    expect(isPodStateConsistent(ss, p)).toBe(true);
    const other = { ...p, status: { containerStatuses: [{ name: 'log', image: 'x', imageID: `docker.io/log@sha256:${'b'.repeat(64)}`, ready: true, restartCount: 0 }] } };
    expect(isPodStateConsistent(ss, other)).toBe(false);
  });

  it('hot-upgrading-ready ignores the standby slots when the pod is not Ready', () => {
    const notReady: Pod = {
      ...pod,
      status: {
        ...pod.status,
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: pod.status?.containerStatuses?.map((s) => (s.name === 'sidecar-2' ? { ...s, ready: false } : s)),
      },
    };
    expect(isHotUpgradingReady(stored, notReady)).toBe(true);
    const appDown = { ...notReady, status: { ...notReady.status, containerStatuses: notReady.status?.containerStatuses?.map((s) => ({ ...s, ready: false })) } };
    expect(isHotUpgradingReady(stored, appDown)).toBe(false);
  });
});

describe('membership (spec §1.5, §8.2)', () => {
  const { stored } = sampleSidecarSets();
  const pod = sampleInjectedPod();

  it('a member matches, is active, injected and consistent with the SidecarSet', () => {
    expect(isSidecarSetMember(stored, pod, NS)).toBe(true);
    expect(getMatchingPods(stored, [pod], () => NS)).toHaveLength(1);
    expect(isSidecarSetMember(stored, { ...pod, status: { ...pod.status, phase: 'Succeeded' } }, NS)).toBe(false);
    expect(isSidecarSetMember(stored, withAnnotations(pod, { 'kruise.io/sidecarset-injected-list': 'other' }), NS)).toBe(false);
    const noKey = withAnnotations(pod, { 'kruise.io/sidecarset-working-hotupgrade-container': '{}' });
    expect(isPodConsistentWithSidecarSet(noKey, stored)).toBe(false);
  });

  it('namespaceSelector is evaluated on the Namespace labels; an empty pod selector never matches', () => {
    expect(podMatchesSidecarSet(stored, pod, undefined)).toBe(false);
    expect(podMatchesSidecarSet(stored, { ...pod, metadata: { ...pod.metadata, namespace: 'other' } }, { team: 'x' })).toBe(false);
    const everywhere: SidecarSet = { ...stored, spec: { ...stored.spec, namespaceSelector: undefined } };
    expect(podMatchesSidecarSet(everywhere, pod, undefined)).toBe(true);
    expect(podMatchesSidecarSet({ ...everywhere, spec: { ...everywhere.spec, selector: {} } }, pod, undefined)).toBe(false);
    const noNsOnPod = { ...pod, metadata: { ...pod.metadata, namespace: undefined } };
    expect(podMatchesSidecarSet(stored, noNsOnPod, {})).toBe(true); // "default" is assumed
  });
});
