import { describe, expect, it } from 'vitest';
import { sampleMosnSidecarSet, sampleSidecarSetV1alpha1, sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { sidecarSetVersion } from './sidecarset';
import { parseSidecarSet } from './parse';

describe('parseSidecarSet', () => {
  it('accepts both served versions', () => {
    for (const ss of [sampleSidecarSetV1beta1(), sampleSidecarSetV1alpha1(), sampleMosnSidecarSet()]) {
      const r = parseSidecarSet(ss);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.sidecarSet.apiVersion).toBe(ss.apiVersion);
    }
  });

  it('fills a missing apiVersion: given, or v1alpha1 when spec.namespace is present', () => {
    const { apiVersion: _beta, ...bare } = sampleSidecarSetV1beta1();
    const r1 = parseSidecarSet(bare);
    expect(r1.ok && sidecarSetVersion(r1.sidecarSet)).toBe('v1beta1');
    const { apiVersion: _alpha, ...mosn } = sampleMosnSidecarSet();
    const r2 = parseSidecarSet(mosn);
    expect(r2.ok && r2.sidecarSet.apiVersion).toBe('apps.kruise.io/v1alpha1');
    const r3 = parseSidecarSet(bare, 'apps.kruise.io/v1alpha1');
    expect(r3.ok && r3.sidecarSet.apiVersion).toBe('apps.kruise.io/v1alpha1');
  });

  it('rejects what the domain cannot read', () => {
    expect(parseSidecarSet(null).ok).toBe(false);
    expect(parseSidecarSet({ metadata: {}, spec: {} })).toMatchObject({ ok: false, reason: expect.stringMatching(/metadata\.name/) });
    expect(parseSidecarSet({ ...sampleSidecarSetV1beta1(), apiVersion: 'apps/v1' })).toMatchObject({ ok: false });
    expect(parseSidecarSet({ ...sampleSidecarSetV1beta1(), kind: 'CloneSet' })).toMatchObject({ ok: false });
    const bad = sampleSidecarSetV1beta1() as unknown as { spec: { selector: unknown } };
    bad.spec.selector = { matchExpressions: 'nope' };
    expect(parseSidecarSet(bad).ok).toBe(false);
  });
});
