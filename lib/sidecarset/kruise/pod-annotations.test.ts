import { describe, expect, it } from 'vitest';
import { samplePod, HASH_V1, HASH_NO_IMAGE } from '../fixtures/samples';
import {
  injectedSidecarSets,
  parseUpgradableMessage,
  parseUpgradeSpecs,
  podInPlaceUpdateAnnotation,
  podUpgradeSpec,
  podWorkingMap,
  slotVersions,
} from './pod-annotations';

describe('pod annotations', () => {
  it('reads the sample pod', () => {
    const pod = samplePod();
    expect(podUpgradeSpec(pod, 'hotupgrade-sidecarset')).toEqual({
      hash: HASH_V1,
      updateTimestamp: '2026-07-20T08:05:00Z',
      sidecarSetName: 'hotupgrade-sidecarset',
      sidecarList: ['sidecar'],
      controllerRevision: 'hotupgrade-sidecarset-6c8b7d94f5',
      legacy: false,
    });
    expect(podUpgradeSpec(pod, 'hotupgrade-sidecarset', 'withoutImage')?.hash).toBe(HASH_NO_IMAGE);
    expect(podUpgradeSpec(pod, 'other')).toBeUndefined();
    expect(injectedSidecarSets(pod)).toEqual(['hotupgrade-sidecarset']);
    expect(podWorkingMap(pod)).toEqual({ sidecar: 'sidecar-1' });
    expect(slotVersions(pod, 'sidecar-2')).toEqual({ version: '0', versionAlt: '1' });
    expect(podInPlaceUpdateAnnotation(pod)).toEqual({ present: false });
  });

  it('falls back to the legacy {"ss":"<hash>"} format', () => {
    expect(parseUpgradeSpecs('{"ss":"abc"}')).toEqual({ ss: { hash: 'abc', legacy: true } });
  });

  it('never throws on malformed JSON', () => {
    expect(parseUpgradeSpecs('{not json')).toBeUndefined();
    expect(parseUpgradeSpecs('[1,2]')).toBeUndefined();
    expect(parseUpgradeSpecs(undefined)).toBeUndefined();
    const pod = samplePod();
    const a = pod.metadata?.annotations ?? {};
    a['kruise.io/sidecarset-working-hotupgrade-container'] = 'nope';
    a['kruise.io/sidecarset-inplace-update-state'] = '{"ss":';
    expect(podWorkingMap(pod)).toBeUndefined();
    expect(podInPlaceUpdateAnnotation(pod)).toEqual({ present: true });
    expect(parseUpgradableMessage('{"ss":true,"x":"y"}')).toEqual({ ss: true });
    expect(parseUpgradableMessage('garbage')).toBeUndefined();
  });

  it('parses the in-place update state', () => {
    const pod = samplePod();
    (pod.metadata?.annotations ?? {})['kruise.io/sidecarset-inplace-update-state'] =
      '{"ss":{"revision":"r","updateTimestamp":"t","lastContainerStatuses":{"sidecar-2":{"imageID":"id-2"}}}}';
    expect(podInPlaceUpdateAnnotation(pod)).toEqual({
      present: true,
      states: { ss: { revision: 'r', updateTimestamp: 't', lastContainerStatuses: { 'sidecar-2': { imageID: 'id-2' } } } },
    });
  });
});
