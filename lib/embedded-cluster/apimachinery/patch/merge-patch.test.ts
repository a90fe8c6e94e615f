import { describe, expect, it } from 'vitest';
import { isApiError } from '../errors';
import { applyMergePatch } from './merge-patch';
import { deepFreeze, pod, sidecarSet } from './test-fixtures';

describe('applyMergePatch', () => {
  it('adds and removes labels as `kubectl label` sends them', () => {
    const original = pod();
    const out = applyMergePatch(original, { metadata: { labels: { tier: 'front', app: null } } });
    expect(out.metadata).toEqual({ ...original.metadata, labels: { tier: 'front' } });
    expect(original.metadata.labels).toEqual({ app: 'web' });
  });

  it('replaces arrays whole, even lists strategic merge would merge', () => {
    const out = applyMergePatch(pod(), { metadata: { finalizers: ['z'] }, spec: { containers: [{ name: 'only', image: 'x' }] } });
    expect((out.metadata as { finalizers: string[] }).finalizers).toEqual(['z']);
    expect((out.spec as { containers: unknown[] }).containers).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('edits a custom resource (kubectl apply/edit on a SidecarSet)', () => {
    const out = applyMergePatch(sidecarSet(), { spec: { updateStrategy: { maxUnavailable: 2, paused: true } } });
    expect(out.spec).toEqual({ ...sidecarSet().spec, updateStrategy: { type: 'RollingUpdate', maxUnavailable: 2, paused: true } });
  });

  it('scales through the scale subresource body', () => {
    const scale = deepFreeze({ kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { replicas: 2 }, status: { replicas: 2 } });
    expect(applyMergePatch(scale, { spec: { replicas: 5 } }).spec).toEqual({ replicas: 5 });
  });

  it('drops nulls inside values it puts in place, and deletes members set to null', () => {
    const out = applyMergePatch(pod(), { spec: { nodeSelector: { a: '1', b: null }, tolerations: [{ key: 'q', value: null }], nodeName: null } });
    expect(out.spec).toMatchObject({ nodeSelector: { a: '1' }, tolerations: [{ key: 'q' }] });
    expect(out.spec).not.toHaveProperty('nodeName');
  });

  it('replaces a member whose type changes', () => {
    expect(applyMergePatch({ a: { b: 1 } }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch({ a: [1] }, { a: { b: 1, c: null } })).toEqual({ a: { b: 1 } });
  });

  it.each([null, [1], 'x', 3])('refuses a patch that is not an object (%j) with 400', (patch) => {
    try {
      applyMergePatch(pod(), patch);
      throw new Error('expected a 400');
    } catch (e) {
      expect(isApiError(e) && [e.code, e.reason, e.message]).toEqual([400, 'BadRequest', 'Invalid JSON Patch']);
    }
  });
});
