import { describe, expect, it } from 'vitest';
import { convertSidecarSet, convertV1alpha1ToV1beta1, convertV1beta1ToV1alpha1 } from './conversion';
import { sampleSidecarSets } from './testdata/fixtures';
import { SIDECARSET_CUSTOM_VERSION_LABEL, SIDECARSET_V1ALPHA1, SIDECARSET_V1BETA1, type SidecarSetV1alpha1 } from './types';

describe('v1alpha1 <-> v1beta1 conversion (spec §1.2)', () => {
  it('reads the stored v1beta1 sample as the v1alpha1 sample (doc 2)', () => {
    const { stored, alpha } = sampleSidecarSets();
    const out = convertV1beta1ToV1alpha1(stored);
    expect(out.apiVersion).toBe(SIDECARSET_V1ALPHA1);
    expect(out.spec).toEqual(alpha.spec);
    expect(out.status).toEqual(alpha.status);
  });

  it('turns alpha namespace into a metadata.name namespaceSelector, dropping any alpha namespaceSelector', () => {
    const { mosn } = sampleSidecarSets();
    const withSelector: SidecarSetV1alpha1 = { ...mosn, spec: { ...mosn.spec, namespaceSelector: { matchLabels: { team: 'a' } } } };
    const out = convertV1alpha1ToV1beta1(withSelector);
    expect(out.apiVersion).toBe(SIDECARSET_V1BETA1);
    expect(out.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'default' } });
    expect(out.spec).not.toHaveProperty('namespace');
  });

  it('copies the alpha namespaceSelector when namespace is empty, and never restores namespace', () => {
    const { mosn } = sampleSidecarSets();
    const { namespace: _ns, ...spec } = mosn.spec;
    void _ns;
    const beta = convertV1alpha1ToV1beta1({ ...mosn, spec: { ...spec, namespaceSelector: { matchLabels: { team: 'a' } } } });
    expect(beta.spec.namespaceSelector).toEqual({ matchLabels: { team: 'a' } });
    const back = convertV1beta1ToV1alpha1(convertV1alpha1ToV1beta1(mosn));
    expect(back.spec.namespace).toBeUndefined();
    expect(back.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'default' } });
  });

  it('moves the custom-version label to spec.customVersion and back', () => {
    const { alpha } = sampleSidecarSets();
    const labelled: SidecarSetV1alpha1 = {
      ...alpha,
      metadata: { ...alpha.metadata, labels: { keep: 'me', [SIDECARSET_CUSTOM_VERSION_LABEL]: 'v2' } },
    };
    const beta = convertV1alpha1ToV1beta1(labelled);
    expect(beta.spec.customVersion).toBe('v2');
    expect(beta.metadata.labels).toEqual({ keep: 'me' });
    const again = convertV1beta1ToV1alpha1(beta);
    expect(again.metadata.labels).toEqual({ keep: 'me', [SIDECARSET_CUSTOM_VERSION_LABEL]: 'v2' });
    expect(again.spec).not.toHaveProperty('customVersion');
  });

  it('convertSidecarSet round-trips either way and does not share objects', () => {
    const { stored } = sampleSidecarSets();
    const alpha = convertSidecarSet(stored, SIDECARSET_V1ALPHA1);
    const beta = convertSidecarSet(alpha, SIDECARSET_V1BETA1);
    expect(beta).toEqual(stored);
    expect(beta).not.toBe(stored);
  });
});
