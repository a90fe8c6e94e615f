import { describe, expect, it } from 'vitest';
import { type ApiError, isApiError } from '../errors';
import { applyPatch, BUILTIN_PATCH_TYPES, CUSTOM_RESOURCE_PATCH_TYPES, parsePatchBody, patchMediaType } from './index';
import { deployment, sidecarSet } from './test-fixtures';

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const builtin = { strategicAllowed: true };
const custom = { strategicAllowed: false };
const setImage = { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'mosn:v1.1' }] } } } };

describe('applyPatch', () => {
  it('dispatches on the content type, ignoring parameters and case', () => {
    const smp = applyPatch('application/strategic-merge-patch+json; charset=utf-8', deployment(), setImage, builtin);
    expect((smp.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers).toHaveLength(2);
    const merge = applyPatch('Application/Merge-Patch+JSON', deployment(), setImage, builtin);
    expect((merge.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers).toEqual([{ name: 'sidecar', image: 'mosn:v1.1' }]);
    const json = applyPatch('application/json-patch+json', sidecarSet(), [{ op: 'replace', path: '/spec/containers/0/image', value: 'mosn:v1.1' }], custom);
    expect((json.spec as { containers: Array<{ image: string }> }).containers[0]?.image).toBe('mosn:v1.1');
    expect(patchMediaType(' application/json-patch+json ;x=y')).toBe('application/json-patch+json');
  });

  it('answers strategic merge patch on a custom resource with the CRD 415', () => {
    const e = failure(() => applyPatch('application/strategic-merge-patch+json', sidecarSet(), {}, custom));
    expect(e.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'the body of the request was in an unknown format - accepted media types include: ' +
        'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  });

  it('refuses server-side apply with a clear 415', () => {
    const e = failure(() => applyPatch('application/apply-patch+yaml', deployment(), 'apiVersion: apps/v1', builtin));
    expect([e.code, e.reason]).toEqual([415, 'UnsupportedMediaType']);
    expect(e.message).toBe(
      'server-side apply (application/apply-patch+yaml) is not supported by the embedded cluster; use client-side apply ' +
        '(kubectl apply without --server-side) or another patch type - accepted media types include: ' +
        'application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json',
    );
    expect(failure(() => applyPatch('application/apply-patch+yaml', sidecarSet(), '', custom)).message).toMatch(
      /accepted media types include: application\/json-patch\+json, application\/merge-patch\+json$/,
    );
  });

  it('answers unknown patch types with the list kube-apiserver accepts', () => {
    const e = failure(() => applyPatch('application/json', deployment(), {}, builtin));
    expect(e.code).toBe(415);
    expect(e.message).toBe(`the body of the request was in an unknown format - accepted media types include: ${BUILTIN_PATCH_TYPES.join(', ')}`);
    expect(CUSTOM_RESOURCE_PATCH_TYPES).not.toContain('application/strategic-merge-patch+json');
  });
});

describe('parsePatchBody', () => {
  it('parses text and bytes, and refuses anything that is not JSON with 400', () => {
    expect(parsePatchBody('{"a":1}')).toEqual({ a: 1 });
    expect(parsePatchBody(new TextEncoder().encode('[1]'))).toEqual([1]);
    const e = failure(() => parsePatchBody('{nope'));
    expect([e.code, e.reason, e.message]).toEqual([400, 'BadRequest', 'invalid JSON patch']);
  });
});

describe('__proto__ keys', () => {
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
  const evil = JSON.parse('{"data":{"__proto__":{"polluted":"yes"}},"__proto__":{"polluted":"yes"}}') as unknown;

  it.each(['application/merge-patch+json', 'application/strategic-merge-patch+json'])('are stored as data by %s', (ct) => {
    const out = applyPatch(ct, configMap, evil, builtin);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toContain('"__proto__":{"polluted":"yes"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('are stored as data by json-patch', () => {
    const out = applyPatch('application/json-patch+json', configMap, [{ op: 'add', path: '/data/__proto__', value: { polluted: 'yes' } }], builtin);
    expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype);
    expect(Object.keys(out.data as object)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
