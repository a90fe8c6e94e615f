import { describe, expect, it } from 'vitest';
import { type ApiError, isApiError } from '../errors';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch';
import { deepFreeze, pod, sidecarSet } from './test-fixtures';

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const GENERIC_422 = 'the server rejected our request due to an error in our request';

describe('applyJsonPatch', () => {
  it('applies `kubectl patch --type=json` on a SidecarSet image without touching the input', () => {
    const original = sidecarSet();
    const out = applyJsonPatch(original, [{ op: 'replace', path: '/spec/containers/0/image', value: 'mosn:v1.1' }]);
    expect(out).toEqual({ ...original, spec: { ...original.spec, containers: [{ ...original.spec.containers[0], image: 'mosn:v1.1' }] } });
    expect(original.spec.containers[0]?.image).toBe('mosn:v1.0');
  });

  it('runs the test-then-replace guard kubectl users write', () => {
    const ops = [
      { op: 'test', path: '/spec/containers/0/image', value: 'mosn:v1.0' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'mosn:v1.1' },
    ];
    expect((applyJsonPatch(sidecarSet(), ops).spec as { containers: Array<{ image: string }> }).containers[0]?.image).toBe('mosn:v1.1');
  });

  it('answers a failed test with the apiserver 422 and keeps the library text for logs', () => {
    const e = failure(() => applyJsonPatch(sidecarSet(), [{ op: 'test', path: '/spec/containers/0/image', value: 'nope' }]));
    expect(e.toStatus()).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: GENERIC_422, reason: 'Invalid', details: {}, code: 422,
    });
    expect(e.debugMessage).toBe('testing value /spec/containers/0/image failed: test failed');
  });

  it.each([
    [[{ op: 'add', path: '/metadata/annotations/x', value: '1' }], 'add operation does not apply: doc is missing path: "/metadata/annotations/x": missing value'],
    [[{ op: 'remove', path: '/metadata/labels/nope' }], "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value"],
    [[{ op: 'replace', path: '/metadata/finalizers/5', value: 'q' }], 'replace operation does not apply: doc is missing key: /metadata/finalizers/5: missing value'],
    [[{ op: 'replace', path: '/metadata/name/x', value: 1 }], 'replace operation does not apply: doc is missing path: /metadata/name/x: missing value'],
    [[{ op: 'add', path: '/metadata/finalizers/3', value: 'q' }], "error in add for path: '/metadata/finalizers/3': Unable to access invalid index: 3: invalid index referenced"],
    [[{ op: 'move', from: '/metadata/labels', path: '/metadata/labels/x' }], 'move operation does not apply: doc is missing destination path: /metadata/labels/x: missing value'],
    [[{ op: 'test', path: '/metadata/finalizers/9', value: null }], "error in test for path: '/metadata/finalizers/9': Unable to access invalid index: 9: invalid index referenced"],
    [[{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
    [[{ op: 'frob', path: '/x' }], 'Unexpected kind: frob'],
    [[{ path: '/x' }], 'Unexpected kind: unknown'],
    [[null], 'Unexpected kind: unknown'],
  ])('refuses %j with 422', (ops, debug) => {
    const e = failure(() => applyJsonPatch(pod(), ops));
    expect([e.code, e.reason, e.message, e.debugMessage]).toEqual([422, 'Invalid', GENERIC_422, debug]);
  });

  it.each([
    [{ op: 'add' }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['[]', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [7, 'json: cannot unmarshal number into Go value of type jsonpatch.Patch'],
    [[1], 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
    [[[]], 'json: cannot unmarshal array into Go value of type jsonpatch.Operation'],
  ])('refuses a document that is not a list of operations (%j) with 400', (patch, message) => {
    const e = failure(() => applyJsonPatch(pod(), patch));
    expect([e.code, e.reason, e.message]).toEqual([400, 'BadRequest', message]);
  });

  it('treats a null patch as no operations', () => {
    expect(applyJsonPatch(pod(), null)).toEqual(pod());
  });

  it('caps the number of operations like the apiserver', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/kind', value: 'Pod' }));
    const e = failure(() => applyJsonPatch(pod(), ops));
    expect([e.code, e.reason, e.message]).toEqual([413, 'RequestEntityTooLarge', 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001']);
  });

  it('supports every RFC 6902 operation', () => {
    const doc = deepFreeze({ kind: 'X', a: { b: 1, 'c/d': 2, 'e~f': 3 }, list: [1, 2, 3] });
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/a/new', value: { deep: true } },
      { op: 'add', path: '/list/0', value: 0 },
      { op: 'add', path: '/list/-', value: 4 },
      { op: 'remove', path: '/list/1' },
      { op: 'replace', path: '/a/c~1d', value: 20 },
      { op: 'remove', path: '/a/e~0f' },
      { op: 'move', from: '/a/b', path: '/moved' },
      { op: 'copy', from: '/a/new', path: '/copied' },
      { op: 'test', path: '/copied', value: { deep: true } },
    ]);
    expect(out).toEqual({ kind: 'X', a: { 'c/d': 20, new: { deep: true } }, list: [0, 2, 3, 4], moved: 1, copied: { deep: true } });
  });

  it('copies deeply, so later operations do not alias', () => {
    const out = applyJsonPatch({ a: { x: 1 } }, [
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'replace', path: '/b/x', value: 2 },
    ]);
    expect(out).toEqual({ a: { x: 1 }, b: { x: 2 } });
  });

  it('keeps evanphx/json-patch v4 leniencies the apiserver has', () => {
    // replace of a missing member of an existing object adds it
    expect((applyJsonPatch(pod(), [{ op: 'replace', path: '/metadata/labels/new', value: 'v' }]).metadata as { labels: object }).labels)
      .toEqual({ app: 'web', new: 'v' });
    // test of a missing member passes when null is expected
    expect(() => applyJsonPatch(pod(), [{ op: 'test', path: '/metadata/labels/none', value: null }])).not.toThrow();
    // negative indices count from the end; leading + and zeros are accepted
    expect((applyJsonPatch(pod(), [{ op: 'remove', path: '/metadata/finalizers/-1' }]).metadata as { finalizers: string[] }).finalizers).toEqual(['a']);
    expect((applyJsonPatch(pod(), [{ op: 'add', path: '/metadata/finalizers/-1', value: 'c' }]).metadata as { finalizers: string[] }).finalizers).toEqual(['a', 'b', 'c']);
    expect((applyJsonPatch(pod(), [{ op: 'replace', path: '/metadata/finalizers/01', value: 'q' }]).metadata as { finalizers: string[] }).finalizers).toEqual(['a', 'q']);
    // an absent value is null
    expect((applyJsonPatch(pod(), [{ op: 'add', path: '/metadata/labels/q' }]).metadata as { labels: object }).labels).toEqual({ app: 'web', q: null });
  });

  it('can replace and test the whole document', () => {
    const doc = { kind: 'X', apiVersion: 'v1', a: 1 };
    expect(applyJsonPatch(doc, [{ op: 'test', path: '', value: doc }, { op: 'replace', path: '', value: { kind: 'Y' } }])).toEqual({ kind: 'Y' });
    const e = failure(() => applyJsonPatch(doc, [{ op: 'replace', path: '', value: [1] }]));
    expect([e.code, e.reason, e.message]).toEqual([422, 'Invalid', ' "" is invalid: patch: Invalid value: "[1]": the patched document is not a JSON object']);
  });
});
