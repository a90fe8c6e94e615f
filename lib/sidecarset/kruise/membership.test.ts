import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { samplePod, sampleMosnSidecarSet, sampleSidecarSetV1alpha1, sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { effectiveNamespaceSelector, layoutProblems, namespaceIndex, podMatches, podMembership } from './membership';

const namespaces: Namespace[] = [
  { metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } },
  { metadata: { name: 'other', labels: { 'kubernetes.io/metadata.name': 'other', team: 'x' } } },
];

describe('podMembership (spec §8.2)', () => {
  it('classifies the injected sample pod as a member, for both served versions', () => {
    for (const ss of [sampleSidecarSetV1beta1(), sampleSidecarSetV1alpha1()]) {
      const m = podMembership(ss, samplePod(), namespaces);
      expect(m).toMatchObject({ matches: true, active: true, injected: true, consistentWithSS: true, member: true });
      expect(m.selectedButNotInjected).toBe(false);
    }
  });

  it('finds selected-but-not-injected pods (created before the SidecarSet)', () => {
    const pod = samplePod();
    delete pod.metadata?.annotations?.['kruise.io/sidecarset-injected-list'];
    const m = podMembership(sampleSidecarSetV1beta1(), pod, namespaces);
    expect(m.member).toBe(false);
    expect(m.selectedButNotInjected).toBe(true);
  });

  it('excludes terminating and finished pods', () => {
    const terminating = samplePod();
    terminating.metadata = { ...terminating.metadata, deletionTimestamp: '2026-07-20T09:00:00Z' };
    expect(podMembership(sampleSidecarSetV1beta1(), terminating, namespaces)).toMatchObject({ active: false, member: false });
    const done = samplePod();
    if (done.status) done.status.phase = 'Succeeded';
    expect(podMembership(sampleSidecarSetV1beta1(), done, namespaces).member).toBe(false);
  });

  it('requires the working-annotation key and both slots for a hot sidecar', () => {
    const pod = samplePod();
    if (pod.metadata?.annotations) pod.metadata.annotations['kruise.io/sidecarset-working-hotupgrade-container'] = '{}';
    expect(layoutProblems(sampleSidecarSetV1beta1(), pod)).toEqual(['working-container annotation has no key "sidecar"']);
    const noSlot = samplePod();
    noSlot.spec?.containers.splice(1, 1);
    expect(podMembership(sampleSidecarSetV1beta1(), noSlot, namespaces).consistentWithSS).toBe(false);
  });

  it('applies namespaceSelector against namespace labels', () => {
    const ss = sampleSidecarSetV1beta1();
    const pod: Pod = { ...samplePod(), metadata: { ...samplePod().metadata, namespace: 'other' } };
    expect(podMatches(ss, pod, namespaceIndex(namespaces))).toBe(false);
    ss.spec.namespaceSelector = { matchLabels: { team: 'x' } };
    expect(podMatches(ss, pod, namespaceIndex(namespaces))).toBe(true);
    // Unknown namespace labels: only kubernetes.io/metadata.name is assumed.
    expect(podMatches(ss, pod, namespaceIndex(undefined))).toBe(false);
  });

  it('lets v1alpha1 spec.namespace win over namespaceSelector (conversion rule)', () => {
    const ss = sampleMosnSidecarSet();
    expect(ss.apiVersion).toBe('apps.kruise.io/v1alpha1');
    expect(effectiveNamespaceSelector(ss)).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'default' } });
    ss.spec.namespaceSelector = { matchLabels: { team: 'x' } };
    const pod = samplePod();
    if (pod.metadata) pod.metadata.labels = { 'mesh.apsara-edge.com/mosn-injected': 'true' };
    expect(podMatches(ss, pod, namespaceIndex(undefined))).toBe(true);
    const elsewhere = { ...pod, metadata: { ...pod.metadata, namespace: 'other' } };
    expect(podMatches(ss, elsewhere, namespaceIndex(namespaces))).toBe(false);
  });

  it('never matches with an empty selector', () => {
    const ss = sampleSidecarSetV1beta1();
    ss.spec.selector = {};
    expect(podMatches(ss, samplePod(), namespaceIndex(namespaces))).toBe(false);
  });
});
