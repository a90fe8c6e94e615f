import type { KubeObject } from '../types';
import { deepFreeze } from './freeze';
import { Serialized } from './serialized';
import { shareWith } from './share';
import { VersionedTable, type Version } from './versioned-table';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change. `obj` is the new object, or for DELETED the last state stamped with the deletion's rv. */
export interface StoreEvent {
  readonly type: WatchEventType;
  readonly rv: number;
  readonly table: string;
  readonly key: string;
  readonly obj: KubeObject;
  /** `obj`'s JSON (shared with the version it created, so a LIST and the watch event serialise it once). */
  readonly doc: Serialized;
  /** The state before this change (undefined for ADDED). Watchers with selectors need it. */
  readonly prevObj: KubeObject | undefined;
}

export interface StoreWatcher {
  readonly table: string;
  /** An API client's watch (over HTTP), as opposed to one of the cluster's own informers: counted apart. */
  readonly remote?: boolean;
  onEvent(e: StoreEvent): void;
}

export interface StoreOptions {
  /** How many events the watch history keeps; a watch from an older resourceVersion gets 410 Expired. */
  historySize?: number;
  firstResourceVersion?: number;
}

export class ExpiredError extends Error {
  constructor(readonly requested: number, readonly oldest: number) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

/**
 * Every object of the cluster, one global resourceVersion, and the bounded event history that watches
 * resume from. It knows nothing of validation or HTTP: the request pipeline above it does.
 */
export class Store {
  private revision: number;
  private readonly tables = new Map<string, VersionedTable>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  private readonly historySize: number;
  /** Events at or below this rv are gone from the history. */
  private compactedRv: number;
  private readonly watchers = new Map<string, Set<StoreWatcher>>();
  private readonly pending: StoreEvent[] = [];
  private dispatching = false;

  constructor(opts: StoreOptions = {}) {
    this.historySize = opts.historySize ?? 20_000;
    this.revision = opts.firstResourceVersion ?? 1000;
    this.compactedRv = this.revision;
  }

  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch may still start from. */
  get oldestWatchableRv(): number {
    return this.compactedRv;
  }

  table(name: string): VersionedTable {
    let t = this.tables.get(name);
    if (!t) {
      t = new VersionedTable();
      this.tables.set(name, t);
    }
    return t;
  }

  get(table: string, key: string): Version | undefined {
    return this.table(table).current(key);
  }

  /**
   * Write `obj` (or delete when undefined) under `key`. The object is stamped with the new resourceVersion,
   * shares every unchanged subtree with the version before it, is frozen, and is announced to watchers in
   * commit order. Its JSON is produced lazily, once, by the first reader that needs bytes.
   */
  commit(table: string, key: string, obj: KubeObject | undefined): Version & { obj: KubeObject | undefined } {
    const t = this.table(table);
    const before = t.current(key);
    if (!obj && !before) throw new Error(`delete of missing ${table} ${key}`);
    const rv = ++this.revision;
    const rvs = String(rv);
    let event: StoreEvent;
    let version: Version;
    if (obj) {
      const fresh: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: rvs } };
      const stamped = deepFreeze((before ? shareWith(fresh, before.obj) : fresh) as KubeObject);
      const doc = new Serialized(stamped);
      version = { rv, obj: stamped, doc, prev: undefined };
      event = { type: before ? 'MODIFIED' : 'ADDED', rv, table, key, obj: stamped, doc, prevObj: before?.obj };
    } else {
      const last = before?.obj as KubeObject;
      const stamped = deepFreeze({ ...last, metadata: { ...last.metadata, resourceVersion: rvs } });
      version = { rv, obj: undefined, doc: undefined, prev: undefined };
      event = { type: 'DELETED', rv, table, key, obj: stamped, doc: new Serialized(stamped), prevObj: last };
    }
    before?.doc?.release();
    t.put(key, version);
    this.record(event);
    return version;
  }

  /** Committed events with rv > `fromRv` for `table`, oldest first. Throws ExpiredError when compacted away. */
  eventsSince(table: string, fromRv: number): StoreEvent[] {
    if (fromRv < this.compactedRv) throw new ExpiredError(fromRv, this.compactedRv + 1);
    const out: StoreEvent[] = [];
    for (let i = this.historyStart; i < this.history.length; i++) {
      const e = this.history[i] as StoreEvent;
      if (e.rv > fromRv && e.table === table) out.push(e);
    }
    return out;
  }

  /** Subscribe to new events; combine with eventsSince for a resumable watch with no gap. */
  subscribe(w: StoreWatcher): () => void {
    let set = this.watchers.get(w.table);
    if (!set) {
      set = new Set();
      this.watchers.set(w.table, set);
    }
    set.add(w);
    return () => set.delete(w);
  }

  /** Open watchers per table, API clients' and the cluster's own apart (what /debug/embedded/watches reports). */
  watcherCounts(): Record<string, { remote: number; internal: number }> {
    const out: Record<string, { remote: number; internal: number }> = {};
    for (const [table, set] of this.watchers) {
      if (set.size === 0) continue;
      let remote = 0;
      for (const w of set) if (w.remote) remote++;
      out[table] = { remote, internal: set.size - remote };
    }
    return out;
  }

  /** Drop history up to `rv` (default: everything so far), so older watches and continue tokens get 410. */
  compact(rv = this.revision): void {
    while (this.historyStart < this.history.length && (this.history[this.historyStart] as StoreEvent).rv <= rv) {
      const e = this.history[this.historyStart] as StoreEvent;
      this.tables.get(e.table)?.compact(e.key, rv);
      this.historyStart++;
    }
    this.compactedRv = Math.max(this.compactedRv, rv);
    if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
      this.history.splice(0, this.historyStart);
      this.historyStart = 0;
    }
  }

  private record(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length - this.historyStart > this.historySize) {
      const oldest = this.history[this.historyStart] as StoreEvent;
      this.compact(oldest.rv);
    }
    this.pending.push(e);
    if (this.dispatching) return;
    // A watcher may write from inside its handler; queueing keeps every watcher's view in commit order.
    this.dispatching = true;
    try {
      for (let i = 0; i < this.pending.length; i++) {
        const ev = this.pending[i] as StoreEvent;
        const set = this.watchers.get(ev.table);
        if (!set) continue;
        for (const w of set) {
          try {
            w.onEvent(ev);
          } catch (err) {
            console.error(`[store] watcher failed on ${ev.type} ${ev.table}/${ev.key}:`, err);
          }
        }
      }
    } finally {
      this.pending.length = 0;
      this.dispatching = false;
    }
  }
}
