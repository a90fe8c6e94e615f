import { badRequest, type ApiError } from '../errors';
import { goFormat, hasOwn, isObject, setMember, type Json, type JsonObject } from './json';

/** Strategic merge patch directive keys and the messages apimachinery's mergepatch package gives for them. */

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

export const BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list';

/** `$setElementOrder/containers` → `containers`; anything else under the prefix is malformed. */
export function directiveField(key: string, prefix: string, malformed: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw badRequest(malformed);
  return key.slice(slash + 1);
}

export function unknownPatchType(directive: Json | undefined, map: JsonObject): ApiError {
  return badRequest(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(map)}`);
}

export function noMergeKey(map: Json | undefined, key: string): ApiError {
  return badRequest(`map: ${goFormat(map)} does not contain declared merge key: ${key}`);
}

function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE ||
    key === RETAIN_KEYS ||
    key.startsWith(`${SET_ELEMENT_ORDER}/`) ||
    key.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`)
  );
}

/**
 * A patch value that lands where the original had nothing to merge with, made fit to store: null members
 * dropped (they can only mean "absent"), directive keys removed, maps marked `$patch: delete` (or an unknown
 * `$patch`) dropped. Go drops every `$patch` map here and leaves the other directives for typed decoding to
 * discard; our store is untyped, so they are removed, and `$patch: replace|merge` content is kept.
 * Returns undefined when the value itself is dropped.
 */
export function clean(v: Json): Json | undefined {
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const x of v) {
      const c = clean(x);
      if (c !== undefined) out.push(c);
    }
    return out;
  }
  if (!isObject(v)) return v;
  if (hasOwn(v, DIRECTIVE) && v[DIRECTIVE] !== 'replace' && v[DIRECTIVE] !== 'merge') return undefined;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || isDirectiveKey(k)) continue;
    const c = clean(x);
    if (c !== undefined) setMember(out, k, c);
  }
  return out;
}

export function cleanList(v: readonly Json[]): Json[] {
  const c = clean([...v]);
  return Array.isArray(c) ? c : [];
}
