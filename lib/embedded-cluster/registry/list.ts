import { ApiError, badRequest, expired } from '../apimachinery/errors';
import type { ResourceDef } from '../resources/definitions';
import type { Serialized } from '../store/serialized';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { tableName } from './rest';

export interface ListOptions {
  namespace?: string;
  /** Applied to the storage-version object. */
  filter?: (obj: KubeObject) => boolean;
  /** True when no label or field selector narrows the list, so remainingItemCount is meaningful. */
  unfiltered?: boolean;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListResult {
  /** Stored objects with their (lazily cached) serialisation. */
  items: Array<{ obj: KubeObject; doc: Serialized }>;
  resourceVersion: number;
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

function encodeContinue(rv: number, lastKey: string): string {
  const t: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('bad');
    return t as ContinueToken;
  } catch {
    throw badRequest('continue key is not valid: the continue parameter is malformed');
  }
}

function parseRv(s: string, what: string): number {
  if (!/^\d+$/.test(s)) throw badRequest(`invalid ${what} "${s}"`);
  return Number(s);
}

/**
 * LIST with Kubernetes' resourceVersion semantics: "" or "0" read the latest state; an exact rv reads the
 * snapshot at that rv; continue tokens keep reading the snapshot of the first page, or answer 410 once the
 * history behind it has been compacted.
 */
export function listObjects(store: Store, def: ResourceDef, opts: ListOptions): ListResult {
  const table = store.table(tableName(def));
  const current = store.resourceVersion;
  let atRv: number | undefined;
  let afterKey: string | undefined;
  if (opts.continueToken) {
    if (opts.resourceVersion) throw badRequest('specifying resource version is not allowed when using continue');
    const t = decodeContinue(opts.continueToken);
    if (t.rv < store.oldestWatchableRv) {
      throw expired('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
    }
    atRv = t.rv;
    afterKey = t.start.replace(/\u0000$/, '');
  } else if (opts.resourceVersion && opts.resourceVersion !== '0') {
    const rv = parseRv(opts.resourceVersion, 'resourceVersion');
    if (rv > current) {
      throw new ApiError(504, 'Timeout', `Too large resource version: ${rv}, current: ${current}`, {
        causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
        retryAfterSeconds: 1,
      });
    }
    if (opts.resourceVersionMatch === 'Exact') {
      if (rv < store.oldestWatchableRv) throw expired(`too old resource version: ${rv} (${store.oldestWatchableRv + 1})`);
      atRv = rv;
    }
  } else if (opts.resourceVersionMatch === 'Exact') {
    throw badRequest('resourceVersionMatch "Exact" is forbidden for resourceVersion ""');
  }
  const listRv = atRv ?? current;
  const prefix = def.namespaced && opts.namespace ? `${opts.namespace}/` : undefined;
  const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
  const items: ListResult['items'] = [];
  let lastKey: string | undefined;
  let remaining = 0;
  let more = false;
  for (const { key, version } of table.scan({ prefix, afterKey, atRv })) {
    const obj = version.obj as KubeObject;
    if (opts.filter && !opts.filter(obj)) continue;
    if (items.length >= limit) {
      more = true;
      break;
    }
    items.push({ obj, doc: version.doc as Serialized });
    lastKey = key;
  }
  // Counting the rest of an unfiltered list is a separate tight loop: it runs over the whole table on every page.
  if (more && opts.unfiltered && lastKey !== undefined) remaining = table.count({ prefix, afterKey: lastKey, atRv });
  const result: ListResult = { items, resourceVersion: listRv };
  if (more && lastKey !== undefined) {
    result.continueToken = encodeContinue(listRv, lastKey);
    if (opts.unfiltered) result.remainingItemCount = remaining;
  }
  return result;
}
