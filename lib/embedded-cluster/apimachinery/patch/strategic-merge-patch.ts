import { badRequest } from '../errors';
import { cloneJson, getMember, goTypeName, hasOwn, isObject, setMember, type Json, type JsonObject } from './json';
import {
  BAD_PRIMITIVE_LIST,
  BAD_RETAIN_KEYS,
  BAD_SET_ELEMENT_ORDER,
  clean,
  cleanList,
  DELETE_FROM_PRIMITIVE_LIST,
  directiveField,
  DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  unknownPatchType,
} from './smp-directives';
import { applySetElementOrder, mergeList, validateSetElementOrder } from './smp-lists';
import { childContext, lookupPatchMeta, type PatchContext } from './smp-schema';

/**
 * Kubernetes strategic merge patch, applied server-side as apimachinery's StrategicMergeMapPatch does
 * (MergeParallelList and IgnoreUnmatchedNulls on): JSON merge patch, except that lists tagged
 * `patchStrategy:merge` merge (see smp-schema.ts), and the directives `$patch`, `$retainKeys`,
 * `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured. Malformed directives are
 * 400 BadRequest; a list of lists is 422.
 */

function kindOf(v: Json): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

function setCleaned(target: JsonObject, key: string, value: Json): void {
  const c = clean(value);
  if (c === undefined) delete target[key];
  else setMember(target, key, c);
}

/** `$retainKeys: [...]`: the map keeps only the listed keys, and the patch may only set listed keys. */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw badRequest(BAD_RETAIN_KEYS);
  const keep = new Set(list.filter((k): k is string => typeof k === 'string'));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw badRequest(BAD_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function listAt(obj: JsonObject, key: string): Json[] | undefined {
  const v = getMember(obj, key);
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badRequest(`expected a []interface {}, but received a ${goTypeName(v)}`);
  return v;
}

/** `$setElementOrder/<list>`: merge that list now, then put it in the order the client asked for. */
function applySetElementOrders(original: JsonObject, patch: JsonObject, ctx: PatchContext): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw badRequest(BAD_SET_ELEMENT_ORDER);
    const field = directiveField(key, SET_ELEMENT_ORDER, BAD_SET_ELEMENT_ORDER);
    const current = listAt(original, field);
    if (hasOwn(patch, field) && patch[field] === null) continue; // the main loop deletes the list
    const incoming = listAt(patch, field);
    const meta = lookupPatchMeta(ctx, field);
    validateSetElementOrder(incoming ?? [], order, meta.mergeKey);
    let merged: Json[];
    if (current && incoming) {
      merged = meta.strategy === 'merge'
        ? mergeList(current, incoming, meta, false, childContext(ctx, field), mergeMap)
        : cleanList(incoming);
    } else if (incoming) merged = cleanList(incoming);
    else if (current) merged = current;
    else continue;
    setMember(original, field, applySetElementOrder(merged, order, current ?? [], meta.mergeKey));
    delete patch[field];
  }
}

function mergeField(original: JsonObject, key: string, value: Json, ctx: PatchContext, isDeleteList: boolean): void {
  if (value === null) {
    delete original[key];
    return;
  }
  const current = getMember(original, key);
  if (current === undefined || kindOf(current) !== kindOf(value)) {
    if (!isDeleteList) setCleaned(original, key, value);
    return;
  }
  const meta = lookupPatchMeta(ctx, key);
  if (isObject(current) && isObject(value)) {
    if (isDeleteList) return;
    // apimachinery leaves `{}` behind for a nested `$patch: delete`; removing the member is what it means.
    if (value[DIRECTIVE] === 'delete') delete original[key];
    else if (meta.strategy === 'replace') setCleaned(original, key, value);
    else setMember(original, key, mergeMap(current, value, childContext(ctx, key)));
    return;
  }
  if (Array.isArray(current) && Array.isArray(value)) {
    const merged = meta.strategy === 'merge' || isDeleteList
      ? mergeList(current, value, meta, isDeleteList, childContext(ctx, key), mergeMap)
      : cleanList(value);
    setMember(original, key, merged);
    return;
  }
  if (!isDeleteList) setMember(original, key, value);
}

/** mergeMap: merges `patch` into `original` in place (both are private copies) and returns the result. */
function mergeMap(original: JsonObject, patch: JsonObject, ctx: PatchContext): JsonObject {
  if (hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    delete patch[DIRECTIVE];
    if (directive === 'replace') return (clean(patch) as JsonObject | undefined) ?? {};
    if (directive === 'delete') return {};
    // apimachinery rejects `$patch: merge` on a map; it is accepted here as the default it names.
    if (directive !== 'merge') throw unknownPatchType(directive, { ...patch, [DIRECTIVE]: directive ?? null });
  }
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, ctx);
  const deleteLists: Array<[string, Json]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      deleteLists.push([directiveField(key, DELETE_FROM_PRIMITIVE_LIST, BAD_PRIMITIVE_LIST), value]);
    } else {
      mergeField(original, key, value, ctx, false);
    }
  }
  // After the additions, so an item both added and listed for deletion ends up deleted.
  for (const [key, value] of deleteLists) mergeField(original, key, value, ctx, true);
  return original;
}

/**
 * Applies a strategic merge patch to a copy of `original` (its `kind` selects the field tags). A null patch
 * changes nothing; a patch that is not a JSON object is 400, as apiserver's decoding into a map reports it.
 */
export function applyStrategicMergePatch(original: object, patch: unknown): JsonObject {
  const doc = cloneJson(original);
  const base: JsonObject = isObject(doc) ? doc : {};
  if (patch === null) return base;
  if (!isObject(patch)) throw badRequest(`json: cannot unmarshal ${goTypeName(patch)} into Go value of type map[string]interface {}`);
  const p = cloneJson(patch) as JsonObject;
  const kind = typeof base.kind === 'string' ? base.kind : undefined;
  return mergeMap(base, p, { kind, path: [] });
}
