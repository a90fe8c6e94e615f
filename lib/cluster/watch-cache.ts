import type { CacheState, Freshness } from '@/lib/api';

export type { CacheState, Freshness };
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { getJson } from './raw';
import { toClusterError } from './cluster-error';

export interface CachedObject {
  metadata?: ObjectMeta;
}


export type CacheEvent<T> =
  | { type: 'ADDED' | 'MODIFIED'; obj: T; old: T | undefined }
  | { type: 'DELETED'; obj: T; old: T | undefined }
  /** The watch broke and data may have been missed; `relist` says a full LIST follows (after 410 Gone). */
  | { type: 'GAP'; at: number; relist: boolean; reason: string }
  /** A LIST finished; everything since the GAP has been reconciled. */
  | { type: 'SYNCED'; at: number };

interface ListResponse<T> {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: T[];
}

/** Open watches across every cache: the benchmark checks this does not grow with browser tabs. */
let openWatches = 0;
export function openWatchCount(): number {
  return openWatches;
}

export function objectKey(o: CachedObject): string {
  const m = o.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '');
}

const MAX_BACKOFF_MS = 30_000;

export interface WatchCacheOptions<T> {
  /** Items per LIST page (default 500). */
  pageSize?: number;
  /** Applied to every object before it is stored or emitted (see lean.ts); must be pure. */
  transform?: (o: T) => T;
}

/**
 * One LIST+WATCH of one resource kind, shared by every request and browser tab: the dashboard's only view of
 * the cluster. It pages the initial LIST, resumes the watch from the last resourceVersion after a drop
 * (with back-off), relists on 410 Gone and tells listeners about both, so nobody mistakes a gap for quiet.
 */
export class WatchCache<T extends CachedObject> {
  private readonly items = new Map<string, T>();
  private readonly listeners = new Set<(e: CacheEvent<T>) => void>();
  private resourceVersion = '';
  private controller: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = 1000;
  private stopped = false;
  private watching = false;
  private readonly fresh: Freshness;
  private firstSync: Promise<void> | undefined;

  constructor(
    private readonly kc: KubeConfig,
    readonly kind: string,
    /** Collection path, e.g. `/api/v1/pods`. */
    private readonly path: string,
    private readonly opts: WatchCacheOptions<T> = {},
  ) {
    this.fresh = { kind, state: 'connecting', relists: 0, reconnects: 0 };
  }

  /** Resolves after the first LIST; rejects if the cluster cannot be listed at all. */
  start(): Promise<void> {
    this.firstSync ??= this.relist().then(() => this.watch());
    return this.firstSync;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.abortWatch();
  }

  /** Drop the current watch as a network failure would (used by tests and the GAP demo). */
  interrupt(): void {
    this.abortWatch();
  }

  subscribe(fn: (e: CacheEvent<T>) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  get size(): number {
    return this.items.size;
  }

  freshness(): Freshness {
    return { ...this.fresh };
  }

  private emit(e: CacheEvent<T>): void {
    for (const fn of this.listeners) {
      try {
        fn(e);
      } catch (err) {
        console.error(`[cache ${this.kind}] listener failed:`, err);
      }
    }
  }

  private abortWatch(): void {
    if (this.controller) {
      this.controller.abort();
      this.controller = undefined;
    }
  }

  /** Full LIST (paged), then reconcile with what we had: emits the adds, changes and deletes we missed. */
  private async relist(): Promise<void> {
    const seen = new Map<string, T>();
    let cont: string | undefined;
    let rv = '';
    do {
      const q = new URLSearchParams({ limit: String(this.opts.pageSize ?? 500) });
      if (cont) q.set('continue', cont);
      const page = await getJson<ListResponse<T>>(this.kc, `${this.path}?${q.toString()}`);
      for (const item of page.items ?? []) seen.set(objectKey(item), this.opts.transform ? this.opts.transform(item) : item);
      cont = page.metadata?.continue || undefined;
      rv = page.metadata?.resourceVersion ?? rv;
    } while (cont);
    for (const [key, old] of this.items) {
      if (!seen.has(key)) {
        this.items.delete(key);
        this.emit({ type: 'DELETED', obj: old, old });
      }
    }
    for (const [key, obj] of seen) {
      const old = this.items.get(key);
      if (old?.metadata?.resourceVersion === obj.metadata?.resourceVersion) continue;
      this.items.set(key, obj);
      this.emit({ type: old ? 'MODIFIED' : 'ADDED', obj, old });
    }
    this.resourceVersion = rv;
    const now = Date.now();
    // Recovered: the next drop starts over at the shortest back-off (a quiet kind never sees an event to reset it).
    this.backoffMs = 1000;
    Object.assign(this.fresh, { syncedAt: now, lastContactAt: now, state: 'live', error: undefined });
    this.emit({ type: 'SYNCED', at: now });
  }

  private async watch(): Promise<void> {
    if (this.stopped || this.watching) return;
    this.watching = true;
    openWatches++;
    let gone = false;
    const onEvent = (type: string, raw: T & { code?: number; reason?: string }): void => {
      const now = Date.now();
      this.fresh.lastContactAt = now;
      if (type === 'BOOKMARK') {
        this.resourceVersion = raw.metadata?.resourceVersion ?? this.resourceVersion;
        return;
      }
      if (type === 'ERROR') {
        // 410 Expired/Gone: our resourceVersion is older than the server's history; only a LIST can recover.
        gone = raw.code === 410 || raw.reason === 'Expired' || raw.reason === 'Gone';
        this.abortWatch();
        return;
      }
      const obj = this.opts.transform ? this.opts.transform(raw) : raw;
      const key = objectKey(obj);
      const old = this.items.get(key);
      this.resourceVersion = obj.metadata?.resourceVersion ?? this.resourceVersion;
      this.fresh.lastEventAt = now;
      this.backoffMs = 1000;
      if (type === 'DELETED') {
        this.items.delete(key);
        this.emit({ type: 'DELETED', obj, old });
      } else if (type === 'ADDED' || type === 'MODIFIED') {
        this.items.set(key, obj);
        this.emit({ type: old ? 'MODIFIED' : 'ADDED', obj, old });
      }
    };
    const onDone = (err: unknown): void => {
      if (!this.watching) return;
      this.watching = false;
      openWatches--;
      this.controller = undefined;
      if (this.stopped) return;
      const clean = !err && !gone;
      if (clean) {
        // The server ended the watch (its timeout): resume at once from where we are, nothing was missed.
        void this.watch();
        return;
      }
      const reason = gone ? 'resourceVersion too old (410 Gone)' : `watch dropped: ${toClusterError(err).message}`;
      this.fresh.state = 'reconnecting';
      this.fresh.error = reason;
      this.fresh.reconnects++;
      this.emit({ type: 'GAP', at: Date.now(), relist: gone, reason });
      this.scheduleRetry(gone);
    };
    const resuming = this.fresh.state !== 'live';
    try {
      this.controller = await new Watch(this.kc).watch(
        this.path,
        { resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: 300 },
        (type, obj) => onEvent(type, obj as T & { code?: number; reason?: string }),
        onDone,
      );
      if (this.stopped) {
        // stop() ran while the watch was connecting, when there was no controller to abort yet.
        this.abortWatch();
        return;
      }
      if (this.watching && resuming) {
        // Connected again and the server replays everything after our resourceVersion: the gap is closed.
        this.backoffMs = 1000;
        Object.assign(this.fresh, { state: 'live', error: undefined, lastContactAt: Date.now() });
        this.emit({ type: 'SYNCED', at: Date.now() });
      }
    } catch (e) {
      onDone(e);
    }
  }

  private scheduleRetry(relist: boolean): void {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      const next = relist ? this.relist() : Promise.resolve();
      next.then(
        () => { if (relist) this.fresh.relists++; return this.watch(); },
        (e: unknown) => {
          this.fresh.state = 'error';
          this.fresh.error = toClusterError(e).message;
          this.scheduleRetry(true);
        },
      );
    }, delay);
  }
}
