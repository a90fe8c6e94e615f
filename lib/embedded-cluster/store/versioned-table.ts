import type { KubeObject } from '../types';
import type { Serialized } from './serialized';

/**
 * One stored version of one object. Versions of the same key are chained newest → oldest through `prev`,
 * so a paginated LIST can be served at the resourceVersion of its first page (etcd's MVCC, in miniature).
 * A deletion is stored as a tombstone version so that snapshots older than the deletion still see the object.
 */
export interface Version {
  readonly rv: number;
  /** undefined for a tombstone. */
  readonly obj: KubeObject | undefined;
  /** The object's JSON, serialised once on demand and shared by every LIST page and watch event (undefined for a tombstone). */
  readonly doc: Serialized | undefined;
  prev: Version | undefined;
}

/** The objects of one resource (e.g. pods), kept in key order, as etcd lists them. */
export class VersionedTable {
  private readonly latest = new Map<string, Version>();
  /** All keys with a live object or a tombstone still inside the history window, sorted. */
  private readonly keys: string[] = [];
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  current(key: string): Version | undefined {
    const v = this.latest.get(key);
    return v?.obj ? v : undefined;
  }

  put(key: string, version: Version): void {
    const prev = this.latest.get(key);
    version.prev = prev;
    if (!prev) insertSorted(this.keys, key);
    if (version.obj && !prev?.obj) this.liveCount++;
    if (!version.obj && prev?.obj) this.liveCount--;
    this.latest.set(key, version);
  }

  /** The version of `key` visible at resourceVersion `atRv`, or undefined when it did not exist then. */
  static visibleAt(v: Version | undefined, atRv: number): Version | undefined {
    let cur = v;
    while (cur && cur.rv > atRv) cur = cur.prev;
    return cur?.obj ? cur : undefined;
  }

  /**
   * Live objects in key order, starting after `afterKey`, as they were at `atRv` (undefined = now).
   * `prefix` restricts to one namespace ("ns/").
   */
  *scan(opts: { prefix?: string; afterKey?: string; atRv?: number }): Generator<{ key: string; version: Version }> {
    const { prefix, afterKey, atRv } = opts;
    let start = 0;
    const from = afterKey ?? prefix;
    if (from !== undefined) {
      start = lowerBound(this.keys, from);
      if (afterKey !== undefined && this.keys[start] === afterKey) start++;
    }
    for (let i = start; i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (prefix !== undefined && !key.startsWith(prefix)) {
        if (key > prefix) break;
        continue;
      }
      const head = this.latest.get(key);
      const v = atRv === undefined ? (head?.obj ? head : undefined) : VersionedTable.visibleAt(head, atRv);
      if (v) yield { key, version: v };
    }
  }

  /**
   * How many live objects `scan` would yield with the same options, without yielding them: what a LIST page
   * reports as remainingItemCount. A plain loop because it runs over the whole rest of the table on every page.
   */
  count(opts: { prefix?: string; afterKey?: string; atRv?: number }): number {
    const { prefix, afterKey, atRv } = opts;
    let i = 0;
    const from = afterKey ?? prefix;
    if (from !== undefined) {
      i = lowerBound(this.keys, from);
      if (afterKey !== undefined && this.keys[i] === afterKey) i++;
    }
    let n = 0;
    for (; i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (prefix !== undefined && !key.startsWith(prefix)) {
        if (key > prefix) break;
        continue;
      }
      let v = this.latest.get(key);
      if (atRv !== undefined) while (v && v.rv > atRv) v = v.prev;
      if (v?.obj) n++;
    }
    return n;
  }

  /**
   * Forget versions that no snapshot at or after `compactedRv` can see: older chain links, and tombstones
   * older than the window (their key disappears entirely).
   */
  compact(key: string, compactedRv: number): void {
    const head = this.latest.get(key);
    if (!head) return;
    if (!head.obj && head.rv <= compactedRv) {
      this.latest.delete(key);
      const i = lowerBound(this.keys, key);
      if (this.keys[i] === key) this.keys.splice(i, 1);
      return;
    }
    let cur: Version | undefined = head;
    while (cur) {
      if (cur.rv <= compactedRv) {
        cur.prev = undefined;
        return;
      }
      cur = cur.prev;
    }
  }
}

function lowerBound(arr: string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(arr: string[], key: string): void {
  const i = lowerBound(arr, key);
  if (arr[i] !== key) arr.splice(i, 0, key);
}
