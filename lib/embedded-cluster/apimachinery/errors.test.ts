import { describe, expect, it } from 'vitest';
import {
  type ApiError,
  aggregate,
  alreadyExists,
  badRequest,
  conflict,
  expired,
  forbidden,
  gone,
  internalError,
  invalid,
  isApiError,
  methodNotAllowed,
  notAcceptable,
  notFound,
  tooLarge,
  unauthorized,
  unprocessableEntity,
  unsupportedMediaType,
} from './errors';
import {
  fieldDuplicate,
  fieldForbidden,
  fieldInvalid,
  fieldNotFound,
  fieldNotSupported,
  fieldRequired,
  fieldTooLong,
  formatBadValue,
} from './field-errors';

describe('ApiError.toStatus', () => {
  it('writes the Status body with kube-apiserver key order', () => {
    const body = JSON.stringify(notFound('pods', 'x').toStatus());
    expect(body).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"x\\" not found",' +
        '"reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}',
    );
  });

  it('omits details when there are none', () => {
    expect(badRequest('nope').toStatus()).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'nope', reason: 'BadRequest', code: 400,
    });
    expect(Object.keys(badRequest('nope').toStatus())).toEqual(['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'code']);
  });

  it('keeps an empty details object, as Go does for a non-nil pointer', () => {
    expect(unprocessableEntity('x').toStatus().details).toEqual({});
  });

  it('is an Error with the message and survives isApiError', () => {
    const e: unknown = conflict('pods', 'p');
    expect(e).toBeInstanceOf(Error);
    expect(isApiError(e)).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect((e as ApiError).message).toContain('Operation cannot be fulfilled');
  });
});

describe('constructors', () => {
  it('notFound and alreadyExists qualify the resource with its group', () => {
    const e = notFound('sidecarsets.apps.kruise.io', 'mosn');
    expect(e.message).toBe('sidecarsets.apps.kruise.io "mosn" not found');
    expect(e.toStatus().details).toEqual({ name: 'mosn', group: 'apps.kruise.io', kind: 'sidecarsets' });
    expect(notFound({ group: 'apps', resource: 'deployments' }, 'd').message).toBe('deployments.apps "d" not found');
    const a = alreadyExists('pods', 'x');
    expect([a.code, a.reason, a.message]).toEqual([409, 'AlreadyExists', 'pods "x" already exists']);
  });

  it('conflict defaults to the stale resourceVersion wording', () => {
    const e = conflict('pods', 'x');
    expect([e.code, e.reason]).toEqual([409, 'Conflict']);
    expect(e.message).toBe(
      'Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(conflict('deployments.apps', 'd', 'Precondition failed: UID in precondition: a, UID in object meta: b').message).toBe(
      'Operation cannot be fulfilled on deployments.apps "d": Precondition failed: UID in precondition: a, UID in object meta: b',
    );
  });

  it('invalid renders one cause bare and several in brackets', () => {
    const one = invalid('SidecarSet', 'apps.kruise.io', 'mosn', [fieldRequired('spec.containers[0].image')]);
    expect(one.code).toBe(422);
    expect(one.reason).toBe('Invalid');
    expect(one.message).toBe('SidecarSet.apps.kruise.io "mosn" is invalid: spec.containers[0].image: Required value');
    expect(one.toStatus().details).toEqual({
      name: 'mosn',
      group: 'apps.kruise.io',
      kind: 'SidecarSet',
      causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
    });
    const two = invalid('Pod', '', 'p', [fieldRequired('spec.containers'), fieldInvalid('metadata.name', 'P_1', 'bad name')]);
    expect(two.message).toBe('Pod "p" is invalid: [spec.containers: Required value, metadata.name: Invalid value: "P_1": bad name]');
    expect(two.toStatus().details?.group).toBeUndefined();
    expect(invalid('Pod', '', 'p', []).message).toBe('Pod "p" is invalid');
  });

  it('aggregate de-duplicates and drops brackets when one message remains', () => {
    expect(aggregate([])).toBe('');
    expect(aggregate(['a', 'a'])).toBe('a');
    expect(aggregate(['a', 'b', 'a'])).toBe('[a, b]');
  });

  it('forbidden words the three shapes like NewForbidden', () => {
    expect(forbidden('pods', '', 'User "u" cannot list resource "pods"').message).toBe('pods is forbidden: User "u" cannot list resource "pods"');
    expect(forbidden('pods', 'p', 'no').message).toBe('pods "p" is forbidden: no');
    expect(forbidden(undefined, '', 'no').message).toBe('forbidden: no');
    expect(forbidden('pods', 'p', 'no').code).toBe(403);
  });

  it('covers the other statuses the server sends', () => {
    const cases: Array<[ApiError, number, string, string]> = [
      [unauthorized(), 401, 'Unauthorized', 'Unauthorized'],
      [expired('too old resource version: 1 (5)'), 410, 'Expired', 'too old resource version: 1 (5)'],
      [gone('gone'), 410, 'Gone', 'gone'],
      [tooLarge(), 413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'],
      [methodNotAllowed(), 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'],
      [methodNotAllowed('nodes', 'deletecollection'), 405, 'MethodNotAllowed', 'deletecollection is not supported on resources of kind "nodes"'],
      [notAcceptable(['application/json']), 406, 'NotAcceptable', 'only the following media types are accepted: application/json'],
      [internalError(new Error('boom')), 500, 'InternalError', 'Internal error occurred: boom'],
      [unprocessableEntity(), 422, 'Invalid', 'the server rejected our request due to an error in our request'],
    ];
    for (const [e, code, reason, message] of cases) expect([e.code, e.reason, e.message]).toEqual([code, reason, message]);
  });

  it('unsupportedMediaType lists what is accepted and keeps the offending type out of the message', () => {
    const e = unsupportedMediaType('text/plain');
    expect(e.code).toBe(415);
    expect(e.reason).toBe('UnsupportedMediaType');
    expect(e.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
    expect(e.debugMessage).toContain('text/plain');
    expect(JSON.stringify(e.toStatus())).not.toContain('text/plain');
  });
});

describe('field causes', () => {
  it('word the error bodies like field.Error', () => {
    expect(fieldRequired('a').message).toBe('Required value');
    expect(fieldRequired('a', 'name or generateName is required').message).toBe('Required value: name or generateName is required');
    expect(fieldInvalid('a', 'x', 'why').message).toBe('Invalid value: "x": why');
    expect(fieldInvalid('a', 3).message).toBe('Invalid value: 3');
    expect(fieldInvalid('a', { k: 'v' }, 'why').message).toBe('Invalid value: {"k":"v"}: why');
    expect(fieldForbidden('spec', 'pod updates may not change fields').message).toBe('Forbidden: pod updates may not change fields');
    expect(fieldNotFound('a', 'v').message).toBe('Not found: "v"');
    expect(fieldDuplicate('a', 'c').message).toBe('Duplicate value: "c"');
    expect(fieldNotSupported('a', 'X', ['Always', 'Never']).message).toBe('Unsupported value: "X": supported values: "Always", "Never"');
    expect(fieldTooLong('a', 63).message).toBe('Too long: may not be more than 63 bytes');
    expect(fieldDuplicate('a', 'c').reason).toBe('FieldValueDuplicate');
    expect(formatBadValue(undefined)).toBe('null');
    expect(formatBadValue(true)).toBe('true');
  });
});
