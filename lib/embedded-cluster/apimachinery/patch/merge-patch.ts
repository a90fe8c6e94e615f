import { badRequest } from '../errors';
import { cloneJson, getMember, isObject, setMember, type Json, type JsonObject } from './json';

/**
 * RFC 7386 JSON Merge Patch as evanphx/json-patch's MergePatch applies it for kube-apiserver: null deletes a
 * member, objects merge recursively, anything else (arrays included) replaces. Null members inside a value that
 * is put in place are dropped, since they could only mean "absent".
 */

export function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map((x) => (x === null ? x : pruneNulls(x)));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) setMember(out, k, pruneNulls(x));
    return out;
  }
  return v;
}

function mergeInto(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    const current = getMember(target, key);
    if (value === null) delete target[key];
    else if (isObject(value) && isObject(current)) setMember(target, key, mergeInto(current, value));
    else setMember(target, key, pruneNulls(cloneJson(value)));
  }
  return target;
}

/** A patch that is not a JSON object (null, an array, a scalar) is 400 "Invalid JSON Patch", as the library says. */
export function applyMergePatch(original: object, patch: unknown): JsonObject {
  if (!isObject(patch)) throw badRequest('Invalid JSON Patch');
  const doc = cloneJson(original);
  return mergeInto(isObject(doc) ? doc : {}, patch);
}
