import { badRequest, unprocessableEntity } from '../errors';
import { goFormat, hasOwn, isObject, type Json, type JsonObject } from './json';
import { clean, cleanList, DIRECTIVE, noMergeKey, SET_ELEMENT_ORDER, unknownPatchType } from './smp-directives';
import type { PatchContext, PatchMeta } from './smp-schema';

/**
 * List merging for strategic merge patch (apimachinery strategicpatch mergeSlice and friends): lists of maps
 * merge element by element on the merge key, lists of primitives merge as sets, and the result is ordered the
 * way apimachinery orders it: patch items in patch order interleaved with server-only items in server order,
 * where an item new to the server goes before the server items not yet placed.
 */

export type MergeElement = (original: JsonObject, patch: JsonObject, ctx: PatchContext) => JsonObject;

type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

function kindOf(v: Json): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : (typeof v as 'string' | 'number' | 'boolean');
}

/** The one element type all the lists share (sliceElementType); undefined when they are all empty. */
function elementKind(...lists: ReadonlyArray<readonly Json[]>): Kind | undefined {
  let kind: Kind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = kindOf(v);
      if (kind === undefined) {
        if (k === 'array') throw unprocessableEntity('lists of lists are not supported');
        kind = k;
      } else if (k !== kind) {
        throw badRequest(`list element types are not identical: ${goFormat(lists.map((l) => [...l]))}`);
      }
    }
  }
  return kind;
}

type KeyOf = (item: Json) => Json | undefined;

function keyFn(mergeKey: string | undefined): KeyOf {
  if (!mergeKey) return (item) => item;
  return (item) => {
    if (!isObject(item) || !hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    return item[mergeKey];
  };
}

/** Merge-key values compare as Go's interface == does: scalars by value, never maps or lists. */
function sameKey(a: Json | undefined, b: Json | undefined): boolean {
  return a === b && (a === null || typeof a !== 'object');
}

function positionIn(order: readonly Json[], item: Json, keyOf: KeyOf): number {
  const k = keyOf(item);
  return order.findIndex((o) => sameKey(keyOfSafe(o, keyOf), k));
}

function keyOfSafe(item: Json, keyOf: KeyOf): Json | undefined {
  try {
    return keyOf(item);
  } catch {
    return undefined;
  }
}

function sortByOrder(items: Json[], order: readonly Json[], keyOf: KeyOf): Json[] {
  const ranked = items.map((item, i) => ({ item, i, at: positionIn(order, item, keyOf) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.at >= 0 ? -1 : b.at >= 0 ? 1 : a.i - b.i));
  return ranked.map((r) => r.item);
}

/** normalizeElementOrder + mergeSortedSlice. */
function normalizeOrder(patchItems: Json[], serverOnly: Json[], patchOrder: readonly Json[], serverOrder: readonly Json[], keyOf: KeyOf): Json[] {
  const right = sortByOrder(patchItems, patchOrder, keyOf);
  const left = sortByOrder(serverOnly, serverOrder, keyOf);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const li = positionIn(serverOrder, left[i] ?? null, keyOf);
    const ri = positionIn(serverOrder, right[j] ?? null, keyOf);
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] ?? null);
    else out.push(right[j++] ?? null);
  }
  return out.concat(left.slice(i), right.slice(j));
}

function partition(merged: readonly Json[], by: readonly Json[], keyOf: KeyOf): [Json[], Json[]] {
  const inPatch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const item of merged) (positionIn(by, item, keyOf) >= 0 ? inPatch : serverOnly).push(item);
  return [inPatch, serverOnly];
}

function mergePrimitives(original: Json[], patch: Json[], isDeleteList: boolean): Json[] {
  if (isDeleteList) return original.filter((x) => !patch.some((p) => sameKey(p, x)));
  const merged: Json[] = [];
  for (const x of [...original, ...patch]) if (!merged.some((m) => sameKey(m, x))) merged.push(x);
  const [inPatch, serverOnly] = partition(merged, patch, keyFn(undefined));
  return normalizeOrder(inPatch, serverOnly, patch, original, keyFn(undefined));
}

/** Lists merged by `mergeKey`, honouring `$patch: delete|replace|merge` elements. */
function mergeMaps(original: Json[], patch: Json[], mergeKey: string, ctx: PatchContext, mergeElement: MergeElement): Json[] {
  let base = original;
  const plain: JsonObject[] = [];
  let replace = false;
  for (const p of patch) {
    if (!isObject(p)) throw noMergeKey(p, mergeKey);
    if (!hasOwn(p, DIRECTIVE)) {
      plain.push(p);
      continue;
    }
    const directive = p[DIRECTIVE];
    if (directive === 'delete') {
      if (!hasOwn(p, mergeKey)) throw noMergeKey(p, mergeKey);
      base = base.filter((o) => !(isObject(o) && sameKey(o[mergeKey], p[mergeKey])));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      // apimachinery refuses this ("merging lists cannot yet be specified in the patch"); here it just
      // marks an ordinary element, or nothing when it carries no merge key.
      const { [DIRECTIVE]: _marker, ...rest } = p;
      if (hasOwn(rest, mergeKey)) plain.push(rest);
    } else {
      throw unknownPatchType(directive, p);
    }
  }
  if (replace) return cleanList(plain);

  const keyOf = keyFn(mergeKey);
  const serverOrder = [...base];
  const merged = [...base];
  for (const p of plain) {
    const key = keyOf(p);
    const at = merged.findIndex((o) => isObject(o) && sameKey(o[mergeKey], key));
    const existing = merged[at];
    if (at >= 0 && isObject(existing)) merged[at] = mergeElement(existing, p, ctx);
    else {
      const added = clean(p);
      if (added !== undefined) merged.push(added);
    }
  }
  const [inPatch, serverOnly] = partition(merged, plain, keyOf);
  return normalizeOrder(inPatch, serverOnly, plain, serverOrder, keyOf);
}

/** mergeSlice: `ctx` is the context inside the list (its elements' parent is the list field). */
export function mergeList(
  original: Json[], patch: Json[], meta: PatchMeta, isDeleteList: boolean, ctx: PatchContext, mergeElement: MergeElement,
): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  if (kind !== 'object') return mergePrimitives(original, patch, isDeleteList);
  if (!meta.mergeKey) throw badRequest(`cannot merge lists without merge key for ${ctx.path.join('.')}`);
  return mergeMaps(original, patch, meta.mergeKey, ctx, mergeElement);
}

/** validatePatchWithSetOrderList: the patch list's items must appear in the order list, in the same order. */
export function validateSetElementOrder(patchList: readonly Json[], order: readonly Json[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const keyOf = keyFn(mergeKey);
  const items = mergeKey ? patchList.filter((p) => !(isObject(p) && p[DIRECTIVE] === 'delete')) : patchList;
  let pi = 0;
  let si = 0;
  while (pi < items.length && si < order.length) {
    const item = items[pi] ?? null;
    if (isObject(item) && hasOwn(item, DIRECTIVE)) {
      pi++;
      continue;
    }
    if (sameKey(keyOf(item), keyOf(order[si] ?? null))) pi++;
    si++;
  }
  if (pi < items.length && si >= order.length) {
    throw badRequest(
      `The order in patch list:\n${goFormat([...patchList])}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFormat([...order])}\n`,
    );
  }
}

/** Puts `merged` in `$setElementOrder` order, server-only items interleaved by their server positions. */
export function applySetElementOrder(merged: Json[], order: readonly Json[], serverOrder: readonly Json[], mergeKey: string | undefined): Json[] {
  // Go panics on unkeyed lists of maps here; keeping the merged order is the sane reading.
  if (!mergeKey && merged.some(isObject)) return merged;
  const keyOf = keyFn(mergeKey);
  const [inOrder, serverOnly] = partition(merged, order, keyOf);
  return normalizeOrder(inOrder, serverOnly, order, serverOrder, keyOf);
}
