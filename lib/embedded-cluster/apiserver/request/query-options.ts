/**
 * Query parameters decoded and validated as kube-apiserver (v1.28) does: the values go through apimachinery's
 * parameter codec (runtime/conversion.go's string-slice converters), then through the meta/v1 options'
 * validation, whose failures are 422s on the pseudo-kind `ListOptions.meta.k8s.io ""` (or CreateOptions, …).
 */
import { badRequest, invalid, type FieldCause } from '../../apimachinery/errors';
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, fieldTooLong } from '../../apimachinery/field-errors';

const META_GROUP = 'meta.k8s.io';

/**
 * Convert_Slice_string_To_bool: absent is false, "0" and any casing of "false" are false, and every other value,
 * including an empty one (`?watch`) and Python's `watch=True`, is true.
 */
export function queryBool(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null) return false;
  return !(v === '0' || v.toLowerCase() === 'false');
}

/** Convert_Slice_string_To_int64: strconv.ParseInt's error verbatim, as a 400. An empty value counts as absent. */
export function queryInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  const n = BigInt(v);
  if (n > 9223372036854775807n || n < -9223372036854775808n) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range`);
  return Number(n);
}

/** Go's %#v of a []string, how field.NotSupported renders a slice value. */
function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

function notSupportedSlice(field: string, values: readonly string[], supported: readonly string[]): FieldCause {
  return {
    reason: 'FieldValueNotSupported', field,
    message: `Unsupported value: ${goStringSlice(values)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  };
}

export interface ListQuery {
  watch: boolean;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  continueToken?: string;
  limit?: number;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  /** Tri-state as in metav1.ListOptions: undefined unless the parameter is present. */
  sendInitialEvents?: boolean;
}

export function parseListQuery(q: URLSearchParams): ListQuery {
  const opt = (name: string): string | undefined => {
    const v = q.get(name);
    return v === null || v === '' ? undefined : v;
  };
  return {
    watch: queryBool(q, 'watch'),
    resourceVersion: opt('resourceVersion'),
    resourceVersionMatch: opt('resourceVersionMatch'),
    continueToken: opt('continue'),
    limit: queryInt(q, 'limit'),
    timeoutSeconds: queryInt(q, 'timeoutSeconds'),
    allowWatchBookmarks: queryBool(q, 'allowWatchBookmarks'),
    sendInitialEvents: q.has('sendInitialEvents') ? queryBool(q, 'sendInitialEvents') : undefined,
  };
}

/** metainternalversion/validation.ValidateListOptions (the watch branch assumes the WatchList gate is on). */
export function validateListQuery(o: ListQuery): void {
  const causes: FieldCause[] = [];
  const match = o.resourceVersionMatch;
  if (o.watch) {
    if (o.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
      causes.push(fieldForbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    }
    if (match) {
      if (o.sendInitialEvents === undefined) causes.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
      if (match !== 'NotOlderThan') causes.push(fieldNotSupported('resourceVersionMatch', match, ['NotOlderThan']));
      if (o.continueToken) causes.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    }
  } else {
    if (match) {
      if (!o.resourceVersion) causes.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
      if (o.continueToken) causes.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
      if (match !== 'Exact' && match !== 'NotOlderThan') causes.push(fieldNotSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
      if (match === 'Exact' && o.resourceVersion === '0') causes.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
    if (o.sendInitialEvents !== undefined) causes.push(fieldForbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  if (causes.length) throw invalid('ListOptions', META_GROUP, '', causes);
}

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';
export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions';

export interface WriteQuery {
  dryRun: boolean;
  /** kube-apiserver's default (since v1.25) when the parameter is absent or empty is Warn. */
  fieldValidation: FieldValidation;
  fieldManager?: string;
  force: boolean;
}

const FIELD_VALIDATION_VALUES = ['', 'Ignore', 'Strict', 'Warn'];
const FIELD_MANAGER_MAX_LENGTH = 128;

/** Go's unicode.IsPrint for the characters a field manager may use (letters, marks, numbers, punctuation, symbols, ASCII space). */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]*$/u;

/**
 * The query half of Create/Update/Patch/DeleteOptions with ValidateCreateOptions & co.: dryRun only "All",
 * fieldValidation one of its values, fieldManager short and printable (required for apply), force only for apply.
 */
export function parseWriteQuery(q: URLSearchParams, kind: WriteOptionsKind, patchType?: string): WriteQuery {
  // In the order ValidatePatchOptions/ValidateCreateOptions report them.
  const causes: FieldCause[] = [];
  const dryRun = q.getAll('dryRun');
  const fv = q.get('fieldValidation') ?? '';
  const fieldManager = q.get('fieldManager') ?? undefined;
  const isApply = patchType === 'application/apply-patch+yaml';
  const force = queryBool(q, 'force');
  if (kind === 'PatchOptions') {
    if (!isApply && q.has('force')) causes.push(fieldForbidden('force', 'may not be specified for non-apply patch'));
    if (isApply && !fieldManager) causes.push(fieldRequired('fieldManager', 'is required for apply patch'));
  }
  if (kind !== 'DeleteOptions' && fieldManager !== undefined) {
    if (fieldManager.length > FIELD_MANAGER_MAX_LENGTH) causes.push(fieldTooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
    else if (!PRINTABLE.test(fieldManager)) causes.push(fieldInvalid('fieldManager', fieldManager, 'invalid characters'));
  }
  if (dryRun.some((v) => v !== 'All')) causes.push(notSupportedSlice('dryRun', dryRun, ['All']));
  if (kind !== 'DeleteOptions' && !FIELD_VALIDATION_VALUES.includes(fv)) {
    causes.push(fieldNotSupported('fieldValidation', fv, FIELD_VALIDATION_VALUES));
  }
  if (causes.length) throw invalid(kind, META_GROUP, '', causes);
  return { dryRun: dryRun.length > 0, fieldValidation: fv === '' ? 'Warn' : fv as FieldValidation, fieldManager, force };
}
