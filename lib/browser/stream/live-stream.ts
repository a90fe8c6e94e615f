/**
 * One EventSource per tab, shared by every hook on the page. It keeps SWR's cache current by applying pushed
 * deltas with `mutate(key, value, { revalidate: false })`: nothing polls. The page refetches only when the
 * stream cannot vouch for the cache: on each (re)connection (`hello`), on `reset`, when the cluster turns ready, and
 * once for a resource that joins a topic the open stream already carries (no new `hello` will load it).
 *
 * SWR discards a fetch's result if the cache is mutated while it is in flight, so deltas that arrive during a
 * load are buffered and replayed on top of the fetched value instead of being written to the cache.
 */
import type { Cache, ScopedMutator } from 'swr';
import type { DashboardStatus } from '@/lib/api';
import { getJson } from '../fetch-json';
import { REFETCH, type Delta, type LiveResource } from './resources';
import { isHidden, onTabVisibility } from './tab-visibility';

/** `paused`: the tab is hidden and gave its connection back (see tab-visibility.ts). */
export type Connection = 'connecting' | 'open' | 'reconnecting' | 'paused';

export interface LiveSnapshot {
  connection: Connection;
  status?: DashboardStatus;
  /** Client clock when `status` arrived; maps the server's clock onto ours. Unset for server-rendered status. */
  statusReceivedAt?: number;
  /** Client clock of the latest message of any kind (to 1 s: finer would re-render the header per delta). */
  lastMessageAt?: number;
}

type AnyResource = LiveResource<unknown>;

const EVENTS = ['hello', 'status', 'reset', 'summaries', 'removed', 'detail', 'timeline', 'probe', 'gap'] as const;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/**
 * Deltas that arrive within one animation frame are applied together: during a big rollout the server sends many
 * small ones, and each application copies the pod list and re-renders the table, but a frame is the most a
 * person can see, so nothing waits longer than the next paint. Never a fixed timer. A hidden tab paints no
 * frames: it drains on the next task instead (and gives its connection back after a while, tab-visibility.ts).
 */
function nextFrame(fn: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && !isHidden()) {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
}

export class LiveStream {
  /** By SWR key: two resources may share a topic (a SidecarSet's timeline and one of its pods' timelines). */
  private readonly watched = new Map<string, { resource: AnyResource; refs: number }>();
  /** Unwatched since the stream was last opened; their cache entries are dropped when it reopens without them. */
  private readonly retired = new Map<string, AnyResource>();
  /** Watched since the last `hello`: nothing has loaded them yet if the stream does not need to reopen. */
  private readonly unloaded = new Set<string>();
  private readonly loads = new Map<string, Set<Delta[]>>();
  /** Deltas received but not yet applied, per SWR key, in arrival order. */
  private readonly pending = new Map<string, Delta[]>();
  /** Cancels the frame that will apply `pending`; set while one is scheduled. */
  private cancelFlush: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private es: EventSource | undefined;
  private openTopics: string | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopVisibility: (() => void) | undefined;
  private started = false;
  private snapshot: LiveSnapshot;

  constructor(
    private readonly swr: { mutate: ScopedMutator; cache: Cache },
    initialStatus?: DashboardStatus,
  ) {
    this.snapshot = { connection: 'connecting', status: initialStatus };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): LiveSnapshot => this.snapshot;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopVisibility = onTabVisibility(() => this.pause(), () => this.resume());
    this.scheduleOpen();
  }

  stop(): void {
    this.started = false;
    this.stopVisibility?.();
    clearTimeout(this.openTimer);
    this.flush();
    this.close();
  }

  /** Hidden long enough: give the connection back. */
  private pause(): void {
    if (!this.es) return;
    this.flush();
    this.close();
    this.update({ connection: 'paused' });
  }

  private resume(): void {
    if (!this.started || this.es) return;
    this.update({ connection: 'connecting' });
    this.open(true);
  }

  /** Keep `resource` current until the returned function is called. */
  watch(resource: AnyResource): () => void {
    const entry = this.watched.get(resource.key);
    if (entry) entry.refs++;
    else {
      this.watched.set(resource.key, { resource, refs: 1 });
      this.retired.delete(resource.key);
      this.unloaded.add(resource.key);
      this.scheduleOpen();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const e = this.watched.get(resource.key);
      if (!e || --e.refs > 0) return;
      this.watched.delete(resource.key);
      this.unloaded.delete(resource.key);
      this.retired.set(resource.key, resource);
      this.scheduleOpen();
    };
  }

  /** SWR's fetcher for live keys: GET, then replay the deltas that arrived meanwhile on top of the result. */
  async load<T>(resource: LiveResource<T>): Promise<T> {
    // Deltas still queued are older than the snapshot about to be fetched; replaying them on top of it in order
    // is harmless, whereas writing them to the cache now would make SWR discard this very fetch.
    const buffer: Delta[] = this.pending.get(resource.key) ?? [];
    this.pending.delete(resource.key);
    let inflight = this.loads.get(resource.key);
    if (!inflight) this.loads.set(resource.key, (inflight = new Set()));
    inflight.add(buffer);
    try {
      const value = this.reduce(resource, await getJson<T>(resource.key), buffer);
      return value;
    } catch (e) {
      // Keep what arrived meanwhile: the failed fetch must not cost the cache its deltas.
      setTimeout(() => this.applyToCache(resource as AnyResource, buffer), 0);
      throw e;
    } finally {
      inflight.delete(buffer);
      if (inflight.size === 0) this.loads.delete(resource.key);
    }
  }

  /** Refetch the given keys (default: every watched one) through the hooks that use them. */
  refetch(keys?: readonly string[]): void {
    if (!keys) this.unloaded.clear();
    const list = keys ?? [...this.watched.keys()];
    for (const key of list) this.swr.mutate(key).catch(() => undefined);
  }

  /** After the browser switched cluster context: the open stream belongs to the old one. */
  reconnect(): void {
    this.update({ connection: 'connecting' });
    this.open(true);
  }

  /** A status learnt outside the stream (the Retry button's answer). */
  applyStatus(status: DashboardStatus): void {
    this.setStatus(status, Date.now());
  }

  private reduce<T>(resource: LiveResource<T>, value: T, deltas: readonly Delta[]): T {
    if (deltas.length === 0) return value;
    const next = resource.reduce(value, deltas);
    if (next !== REFETCH) return next;
    setTimeout(() => this.refetch([resource.key]), 0);
    return value;
  }

  private applyToCache(resource: AnyResource, deltas: readonly Delta[]): void {
    const current: unknown = this.swr.cache.get(resource.key)?.data;
    // Nothing cached yet: the load that fills it starts after this delta, so it already contains it.
    if (current === undefined || deltas.length === 0) return;
    const next = this.reduce(resource, current, deltas);
    if (next !== current) this.swr.mutate(resource.key, next, { revalidate: false }).catch(() => undefined);
  }

  private deliver(topic: string, delta: Delta): void {
    let queued = false;
    for (const [key, { resource }] of this.watched) {
      const wants = resource.topic === topic || (topic === 'status' && resource.statusEvents?.includes(delta.event) === true);
      if (!wants) continue;
      const queue = this.pending.get(key);
      if (queue) queue.push(delta);
      else this.pending.set(key, [delta]);
      queued = true;
    }
    if (queued) this.cancelFlush ??= nextFrame(() => this.flush());
  }

  /** Apply queued deltas: into in-flight loads' buffers if a load runs (see load), else onto the cache. */
  private flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    for (const [key, deltas] of this.pending) {
      const entry = this.watched.get(key);
      if (!entry) continue;
      const inflight = this.loads.get(key);
      if (inflight) for (const buffer of inflight) buffer.push(...deltas);
      else this.applyToCache(entry.resource, deltas);
    }
    this.pending.clear();
  }

  private scheduleOpen(delay = 0): void {
    if (!this.started || typeof EventSource === 'undefined') return;
    clearTimeout(this.openTimer);
    // Deferred so a page swap (old hooks unwatch, new ones watch) reopens once with the final topic set.
    this.openTimer = setTimeout(() => this.open(false), delay);
  }

  private open(force: boolean): void {
    this.openTimer = undefined;
    if (isHidden() && !this.es) {
      // Opened in the background, or paused: connect when the tab is shown (resume).
      if (this.snapshot.connection !== 'paused') this.update({ connection: 'paused' });
      return;
    }
    const topics = [...new Set([...this.watched.values()].map((e) => e.resource.topic))].sort().join(',') || 'status';
    for (const [key, r] of this.retired) if (!this.watched.has(key)) this.swr.cache.delete(r.key);
    this.retired.clear();
    if (!force && this.es && this.es.readyState !== EventSource.CLOSED && topics === this.openTopics) {
      // Same topics, no new `hello`: load what was added since (e.g. another pod's timeline on the same topic).
      if (this.es.readyState === EventSource.OPEN && this.snapshot.status?.phase === 'ready' && this.unloaded.size > 0) {
        const keys = [...this.unloaded];
        this.unloaded.clear();
        this.refetch(keys);
      }
      return;
    }
    this.close();
    const es = new EventSource(`/api/stream?topics=${encodeURIComponent(topics)}`);
    this.es = es;
    this.openTopics = topics;
    for (const name of EVENTS) {
      es.addEventListener(name, (ev) => {
        if (this.es === es) this.onEvent(name, (ev as MessageEvent<string>).data);
      });
    }
    es.onerror = () => {
      if (this.es !== es) return;
      if (isHidden() && es.readyState === EventSource.CLOSED) {
        // Do not retry in the background: resume reconnects.
        this.close();
        this.update({ connection: 'paused' });
        return;
      }
      this.update({ connection: 'reconnecting' });
      // CONNECTING: the browser retries by itself with Last-Event-ID. CLOSED (an HTTP error): it gave up, we retry.
      if (es.readyState === EventSource.CLOSED) {
        this.scheduleOpen(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      }
    };
  }

  private close(): void {
    this.es?.close();
    this.es = undefined;
    this.openTopics = undefined;
  }

  private onEvent(name: (typeof EVENTS)[number], raw: string): void {
    let envelope: { topic?: unknown; data?: unknown };
    try {
      envelope = JSON.parse(raw) as { topic?: unknown; data?: unknown };
    } catch {
      return;
    }
    const now = Date.now();
    if (name === 'hello') {
      this.retryMs = FIRST_RETRY_MS;
      const status = envelope.data as DashboardStatus;
      this.update({ connection: 'open', status, statusReceivedAt: now, lastMessageAt: now });
      // Whatever happened before this connection (initial render, a gap) is not in the stream: refetch once.
      if (status.phase === 'ready') this.refetch();
    } else if (name === 'status') {
      this.setStatus(envelope.data as DashboardStatus, now);
    } else if (name === 'reset') {
      this.touch(now);
      this.refetch();
    } else {
      this.touch(now);
      if (typeof envelope.topic === 'string') this.deliver(envelope.topic, { event: name, data: envelope.data });
    }
  }

  private setStatus(status: DashboardStatus, now: number): void {
    const wasReady = this.snapshot.status?.phase === 'ready';
    this.update({ status, statusReceivedAt: now, lastMessageAt: now });
    if (!wasReady && status.phase === 'ready') this.refetch();
  }

  private touch(now: number): void {
    const last = this.snapshot.lastMessageAt;
    if (last === undefined || now - last >= 1000) this.update({ lastMessageAt: now });
  }

  private update(patch: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
