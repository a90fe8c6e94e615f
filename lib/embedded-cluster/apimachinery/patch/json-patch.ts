import { badRequest, invalid, tooLarge, unprocessableEntity } from '../errors';
import { fieldInvalid } from '../field-errors';
import { cloneJson, goTypeName, hasOwn, isObject, jsonEqual, setMember, type Json, type JsonObject } from './json';

/**
 * RFC 6902 JSON Patch with the behaviour of gopkg.in/evanphx/json-patch.v4, the library kube-apiserver uses,
 * including its leniencies: `replace` of a missing member of an existing object adds it, `test` of a missing
 * member passes when the expected value is null, negative array indices count from the end, and an absent
 * `value` means null. Written by hand (not fast-json-patch) to get those and the error texts right.
 */

export const MAX_JSON_PATCH_OPERATIONS = 10000;

class OpError extends Error {}

type Container = JsonObject | Json[];

/** Go's strconv.Atoi. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

function decodeKey(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The container holding `path`'s last token, or undefined when some parent is missing. */
function findParent(doc: Json, path: string): { parent: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2 || split[0] !== '') return undefined;
  let cur: Json = doc;
  for (const raw of split.slice(1, -1)) {
    let next: Json | undefined;
    try {
      next = getChild(cur, decodeKey(raw));
    } catch {
      return undefined;
    }
    if (next === undefined || next === null || typeof next !== 'object') return undefined;
    cur = next;
  }
  if (cur === null || typeof cur !== 'object') return undefined;
  return { parent: cur, key: decodeKey(split[split.length - 1] ?? '') };
}

function getChild(c: Json, key: string): Json | undefined {
  if (Array.isArray(c)) {
    const i = index(c.length, key, false);
    return c[i];
  }
  if (isObject(c)) return hasOwn(c, key) ? c[key] : undefined;
  return undefined;
}

/** An existing element's index (negative counts from the end), or, for `forInsert`, a position up to length. */
function index(length: number, key: string, forInsert: boolean): number {
  const i = atoi(key);
  if (i === undefined) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const size = forInsert ? length + 1 : length;
  if (i >= size || i < -size) throw new OpError(`Unable to access invalid index: ${i}: invalid index referenced`);
  return i < 0 ? i + size : i;
}

function add(c: Container, key: string, value: Json): void {
  if (!Array.isArray(c)) {
    setMember(c, key, value);
    return;
  }
  if (key === '-') c.push(value);
  else c.splice(index(c.length, key, true), 0, value);
}

function remove(c: Container, key: string): Json {
  if (!Array.isArray(c)) {
    if (!hasOwn(c, key)) throw new OpError(`Unable to remove nonexistent key: ${key}: missing value`);
    const v = c[key] ?? null;
    delete c[key];
    return v;
  }
  const [v] = c.splice(index(c.length, key, false), 1);
  return v ?? null;
}

function stringField(op: JsonObject, name: 'path' | 'from'): string | undefined {
  const v = op[name];
  return typeof v === 'string' ? v : undefined;
}

function applyOp(doc: Json, op: JsonObject): Json {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const path = stringField(op, 'path');
  const value: Json = op.value ?? null;
  const at = (verb: string, p: string | undefined, missing = `doc is missing path: "${p}"`) => {
    if (p === undefined) throw new OpError(`${verb} operation failed to decode path: missing value`);
    const found = findParent(doc, p);
    if (!found) throw new OpError(`${verb} operation does not apply: ${missing}: missing value`);
    return found;
  };
  const wrap = (prefix: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof OpError) throw new OpError(`${prefix}: ${e.message}`);
      throw e;
    }
  };
  switch (kind) {
    case 'add': {
      const { parent, key } = at('add', path);
      wrap(`error in add for path: '${path}'`, () => add(parent, key, value));
      return doc;
    }
    case 'remove': {
      const { parent, key } = at('remove', path);
      wrap(`error in remove for path: '${path}'`, () => remove(parent, key));
      return doc;
    }
    case 'replace': {
      if (path === '') {
        if (typeof value !== 'object' || value === null) throw new OpError('replace operation value must be object or array: missing value');
        return value;
      }
      const { parent, key } = at('replace', path, `doc is missing path: ${path}`);
      if (Array.isArray(parent)) {
        let i: number;
        try {
          i = index(parent.length, key, false);
        } catch {
          throw new OpError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
        }
        parent[i] = value;
      } else {
        setMember(parent, key, value);
      }
      return doc;
    }
    case 'move': {
      const from = stringField(op, 'from');
      if (from === undefined) throw new OpError('move operation failed to decode from: operation, missing from field: missing value');
      const src = findParent(doc, from);
      if (!src) throw new OpError(`move operation does not apply: doc is missing from path: ${from}: missing value`);
      let moved: Json = null;
      wrap(`error in move for path: '${src.key}'`, () => (moved = remove(src.parent, src.key)));
      const dst = at('move', path, `doc is missing destination path: ${path}`);
      wrap(`error in move for path: '${path}'`, () => add(dst.parent, dst.key, moved));
      return doc;
    }
    case 'copy': {
      const from = stringField(op, 'from');
      if (from === undefined) throw new OpError('copy operation failed to decode from: operation, missing from field: missing value');
      const src = findParent(doc, from);
      if (!src) throw new OpError(`copy operation does not apply: doc is missing from path: ${from}: missing value`);
      let copied: Json = null;
      wrap(`error in copy for from: '${from}'`, () => (copied = cloneJson(getChild(src.parent, src.key) ?? null)));
      const dst = at('copy', path, `doc is missing destination path: ${path}`);
      wrap('error while adding value during copy', () => add(dst.parent, dst.key, copied));
      return doc;
    }
    case 'test': {
      if (path === undefined) throw new OpError('test operation failed to decode path: operation missing path field: missing value');
      const failed = new OpError(`testing value ${path} failed: test failed`);
      if (path === '') {
        if (!jsonEqual(doc, value)) throw failed;
        return doc;
      }
      const found = findParent(doc, path);
      if (!found) throw new OpError(`test operation does not apply: is missing path: ${path}: missing value`);
      let actual: Json | undefined;
      wrap(`error in test for path: '${path}'`, () => (actual = getChild(found.parent, found.key)));
      if (!jsonEqual(actual ?? null, value)) throw failed;
      return doc;
    }
    default:
      throw new OpError(`Unexpected kind: ${kind}`);
  }
}

/** Decodes like json.Unmarshal into jsonpatch.Patch: null is an empty patch, anything but an array of objects is 400. */
function decode(patch: unknown): JsonObject[] {
  if (patch === null) return [];
  if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${goTypeName(patch)} into Go value of type jsonpatch.Patch`);
  return patch.map((op: unknown) => {
    if (op === null) return {};
    if (!isObject(op)) throw badRequest(`json: cannot unmarshal ${goTypeName(op)} into Go value of type jsonpatch.Operation`);
    return op;
  });
}

/** Operations that do not apply are 422 with apiserver's generic wording; see unprocessableEntity. */
export function applyJsonPatch(original: object, patch: unknown): JsonObject {
  const ops = decode(patch);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw tooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  let doc = cloneJson(original);
  for (const op of ops) {
    try {
      doc = applyOp(doc, op);
    } catch (e) {
      if (e instanceof OpError) throw unprocessableEntity(e.message);
      throw e;
    }
  }
  if (!isObject(doc)) throw invalid('', '', '', [fieldInvalid('patch', JSON.stringify(doc), 'the patched document is not a JSON object')]);
  return doc;
}
