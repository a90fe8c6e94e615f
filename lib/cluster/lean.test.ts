import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { samplePod } from '@/lib/sidecarset/fixtures/samples';
import { podViews } from '@/lib/sidecarset';
import { STEPS, sidecarSetV2, timelinePods } from '@/lib/sidecarset/fixtures/timeline-pods';
import { leanPod, stripManagedFields } from './lean';

const heavy = (): Pod => {
  const p = structuredClone(samplePod()) as Pod;
  p.metadata = { ...p.metadata, managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } }] };
  p.spec = {
    ...p.spec!,
    volumes: [{ name: 'shared', emptyDir: {} }],
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
    containers: p.spec!.containers.map((c) => ({ ...c, env: [{ name: 'A', value: 'b' }], volumeMounts: [{ name: 'shared', mountPath: '/s' }] })),
  };
  return p;
};

describe('lean objects in the caches', () => {
  it('drops managedFields and nothing else from any object', () => {
    const p = heavy();
    const s = stripManagedFields(p);
    expect(s.metadata?.managedFields).toBeUndefined();
    expect({ ...s, metadata: { ...s.metadata, managedFields: p.metadata?.managedFields } }).toEqual(p);
    const bare = { metadata: { name: 'x' } };
    expect(stripManagedFields(bare)).toBe(bare);
  });

  it('keeps of a pod what the views read: labels, annotations, container names and images, node, status', () => {
    const p = heavy();
    const lean = leanPod(p);
    expect(lean.metadata).toEqual(stripManagedFields(p).metadata);
    expect(lean.status).toBe(p.status);
    expect(lean.spec?.nodeName).toBe(p.spec?.nodeName);
    expect(lean.spec?.containers.map((c) => [c.name, c.image])).toEqual(p.spec?.containers.map((c) => [c.name, c.image]));
    expect(lean.spec?.volumes).toBeUndefined();
    expect(lean.spec?.tolerations).toBeUndefined();
    expect(lean.spec?.containers.some((c) => c.env || c.volumeMounts)).toBe(false);
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(p).length);
  });

  it('gives the same pod views as the full pods through a whole hot upgrade', () => {
    const t = timelinePods();
    const pods = STEPS.map((s) => t[s]).map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `p${i}` } }));
    expect(podViews(sidecarSetV2(), pods.map(leanPod), undefined)).toEqual(podViews(sidecarSetV2(), pods, undefined));
  });
});
