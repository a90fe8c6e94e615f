import { describe, expect, it } from 'vitest';
import { sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { buildUpgradePatch, partitionPatch, pausePatch, upgradeRequestSchema } from './upgrade-request';

describe('upgradeRequestSchema', () => {
  it('accepts a DNS-1123 container and a valid image', () => {
    expect(upgradeRequestSchema.parse({ container: 'sidecar', image: 'openkruise/hotupgrade-sample:sidecarv2' })).toEqual({
      container: 'sidecar',
      image: 'openkruise/hotupgrade-sample:sidecarv2',
    });
  });

  it('puts the image-reference reason in the zod issue', () => {
    const r = upgradeRequestSchema.safeParse({ container: 'sidecar', image: 'Openkruise/x:1' });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['image'], message: expect.stringMatching(/lowercase/) })]);
  });

  it('rejects bad container names and missing fields', () => {
    expect(upgradeRequestSchema.safeParse({ container: 'Side_car', image: 'nginx' }).error?.issues[0]?.path).toEqual(['container']);
    expect(upgradeRequestSchema.safeParse({ image: 'nginx' }).success).toBe(false);
    expect(upgradeRequestSchema.safeParse('nope').success).toBe(false);
  });
});

describe('patches', () => {
  it('builds test+replace on the container image', () => {
    expect(buildUpgradePatch(sampleSidecarSetV1beta1(), 'sidecar', 'openkruise/hotupgrade-sample:sidecarv2')).toEqual({
      ok: true,
      containerIndex: 0,
      from: 'openkruise/hotupgrade-sample:sidecarv1',
      to: 'openkruise/hotupgrade-sample:sidecarv2',
      patch: [
        { op: 'test', path: '/spec/containers/0/image', value: 'openkruise/hotupgrade-sample:sidecarv1' },
        { op: 'replace', path: '/spec/containers/0/image', value: 'openkruise/hotupgrade-sample:sidecarv2' },
      ],
    });
  });

  it('tests the image the user saw, not the one in the (possibly lagging) SidecarSet it was given', () => {
    const r = buildUpgradePatch(sampleSidecarSetV1beta1(), 'sidecar', 'openkruise/hotupgrade-sample:sidecarv3', 'openkruise/hotupgrade-sample:sidecarv0');
    expect(r.ok && r.patch[0]).toEqual({ op: 'test', path: '/spec/containers/0/image', value: 'openkruise/hotupgrade-sample:sidecarv0' });
  });

  it('errors on an unknown container or an unchanged image', () => {
    expect(buildUpgradePatch(sampleSidecarSetV1beta1(), 'envoy', 'x')).toMatchObject({
      ok: false,
      code: 'ContainerNotFound',
      message: expect.stringMatching(/no container "envoy" \(containers: sidecar\)/),
    });
    expect(buildUpgradePatch(sampleSidecarSetV1beta1(), 'sidecar', 'openkruise/hotupgrade-sample:sidecarv1')).toMatchObject({
      ok: false,
      code: 'ImageUnchanged',
    });
  });

  it('builds merge patches for pause/resume and partition', () => {
    expect(pausePatch(true)).toEqual({ spec: { updateStrategy: { paused: true } } });
    expect(JSON.stringify(pausePatch(false))).toBe('{"spec":{"updateStrategy":{"paused":false}}}');
    expect(partitionPatch('50%')).toEqual({ spec: { updateStrategy: { partition: '50%' } } });
  });
});
