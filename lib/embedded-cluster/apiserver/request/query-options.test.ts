import { describe, expect, it } from 'vitest';
import { ApiError } from '../../apimachinery/errors';
import { parseListQuery, parseWriteQuery, queryBool, queryInt, validateListQuery } from './query-options';

const q = (s: string) => new URLSearchParams(s);

function failure(fn: () => unknown): { code: number; message: string; kind?: string; group?: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const st = e.toStatus();
    return { code: st.code, message: st.message, kind: st.details?.kind, group: st.details?.group };
  }
  throw new Error('expected an ApiError');
}

describe('queryBool (apimachinery Convert_Slice_string_To_bool)', () => {
  it.each([
    ['watch=true', true], ['watch=True', true], ['watch=TRUE', true], ['watch=1', true], ['watch=t', true],
    ['watch=yes', true], ['watch', true], ['watch=', true],
    ['watch=false', false], ['watch=False', false], ['watch=FALSE', false], ['watch=0', false], ['', false],
  ])('%s → %s', (s, want) => {
    expect(queryBool(q(s), 'watch')).toBe(want);
  });
});

describe('queryInt', () => {
  it('parses int64 and treats empty as absent', () => {
    expect(queryInt(q('limit=500'), 'limit')).toBe(500);
    expect(queryInt(q('limit=-1'), 'limit')).toBe(-1);
    expect(queryInt(q('limit='), 'limit')).toBeUndefined();
  });
  it("refuses what strconv.ParseInt refuses, with its words", () => {
    expect(failure(() => queryInt(q('limit=ten'), 'limit'))).toMatchObject({ code: 400, message: 'strconv.ParseInt: parsing "ten": invalid syntax' });
    expect(failure(() => queryInt(q('limit=1.5'), 'limit')).message).toBe('strconv.ParseInt: parsing "1.5": invalid syntax');
    expect(failure(() => queryInt(q('limit=99999999999999999999'), 'limit')).message).toBe('strconv.ParseInt: parsing "99999999999999999999": value out of range');
  });
});

describe('validateListQuery (ValidateListOptions)', () => {
  const check = (s: string) => () => validateListQuery(parseListQuery(q(s)));

  it('accepts the usual lists and watches', () => {
    for (const s of ['', 'limit=5', 'resourceVersion=0', 'resourceVersion=12&resourceVersionMatch=NotOlderThan',
      'resourceVersion=12&resourceVersionMatch=Exact', 'watch=1&resourceVersion=3',
      'watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true']) {
      expect(check(s), s).not.toThrow();
    }
  });

  it('refuses resourceVersionMatch without a resourceVersion: 422 on ListOptions.meta.k8s.io', () => {
    expect(failure(check('resourceVersionMatch=NotOlderThan'))).toEqual({
      code: 422, kind: 'ListOptions', group: 'meta.k8s.io',
      message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    });
  });

  it('reports every problem, as an aggregate', () => {
    expect(failure(check('resourceVersionMatch=Newest&continue=abc')).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, ' +
      'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided, ' +
      'resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""]');
    expect(failure(check('resourceVersion=0&resourceVersionMatch=Exact')).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    expect(failure(check('sendInitialEvents=true')).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list');
  });

  it('watch: sendInitialEvents and resourceVersionMatch=NotOlderThan go together', () => {
    expect(failure(check('watch=1&sendInitialEvents=true')).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
    expect(failure(check('watch=1&resourceVersionMatch=NotOlderThan')).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided');
  });
});

describe('parseWriteQuery (ValidateCreate/Update/PatchOptions)', () => {
  it('defaults fieldValidation to Warn and reads dryRun=All', () => {
    expect(parseWriteQuery(q(''), 'CreateOptions')).toEqual({ dryRun: false, fieldValidation: 'Warn', fieldManager: undefined, force: false });
    expect(parseWriteQuery(q('dryRun=All&fieldValidation=Strict&fieldManager=kubectl-client-side-apply'), 'PatchOptions', 'application/merge-patch+json'))
      .toMatchObject({ dryRun: true, fieldValidation: 'Strict', fieldManager: 'kubectl-client-side-apply' });
  });

  it('dryRun=Foo is a 422 that names the values as Go prints a []string', () => {
    expect(failure(() => parseWriteQuery(q('dryRun=Foo'), 'PatchOptions', 'application/json-patch+json'))).toEqual({
      code: 422, kind: 'PatchOptions', group: 'meta.k8s.io',
      message: 'PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Foo"}: supported values: "All"',
    });
    expect(failure(() => parseWriteQuery(q('dryRun=All&dryRun=x'), 'DeleteOptions')).message)
      .toBe('DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"All", "x"}: supported values: "All"');
  });

  it('fieldValidation, fieldManager and force', () => {
    expect(failure(() => parseWriteQuery(q('fieldValidation=strict'), 'CreateOptions')).message)
      .toBe('CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"');
    expect(failure(() => parseWriteQuery(q(`fieldManager=${'m'.repeat(129)}`), 'UpdateOptions')).message)
      .toMatch(/^UpdateOptions\.meta\.k8s\.io "" is invalid: fieldManager: Too long: .*128 bytes$/);
    expect(failure(() => parseWriteQuery(q('force=true'), 'PatchOptions', 'application/merge-patch+json')).message)
      .toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    expect(failure(() => parseWriteQuery(q(''), 'PatchOptions', 'application/apply-patch+yaml')).message)
      .toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  });
});
