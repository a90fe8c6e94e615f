/**
 * The tab's live data, shared by every hook on the page: one stream of server events per browser profile when
 * tabs can share it (shared-transport.ts), else one EventSource per tab (direct-transport.ts). It keeps SWR's cache current by applying pushed
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
import { DirectTransport } from './direct-transport';
import { REFETCH, type Delta, type LiveResource } from './resources';
import { sharedTransportIfSupported } from './shared-transport';
import { isHidden } from './tab-visibility';
import type { Connection, EventMeta, EventName, StreamHandlers, Transport } from './transport';

export type { Connection } from './transport';

export interface LiveSnapshot {
  connection: Connection;
  status?: DashboardStatus;
  /** Client clock when `status` arrived; maps the server's clock onto ours. Unset for server-rendered status. */
  statusReceivedAt?: number;
  /** Client clock of the latest message of any kind (to 1 s: finer would re-render the header per delta). */
  lastMessageAt?: number;
}

type AnyResource = LiveResource<unknown>;

/**
 * Deltas that arrive within one animation frame are applied together: during a big rollout the server sends many
 * small ones, and each application copies the pod list and re-renders the table, but a frame is the most a
 * person can see, so nothing waits longer than the next paint. Never a fixed timer. A hidden tab paints no
 * frames: it drains on the next task instead.
 */
function nextFrame(fn: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && !isHidden()) {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
}

export interface LiveStreamOptions {
  /** How events reach this tab; by default shared between the profile's tabs when the browser allows it. */
  transport?: (handlers: StreamHandlers) => Transport;
}

export class LiveStream {
  /** By SWR key: two resources may share a topic (a SidecarSet's timeline and one of its pods' timelines). */
  private readonly watched = new Map<string, { resource: AnyResource; refs: number }>();
  /** Unwatched since the stream was last opened; their cache entries are dropped when it reopens without them. */
  private readonly retired = new Map<string, AnyResource>();
  /** Watched but not loaded since the stream last vouched for them (a `hello`, `reset`, readiness). */
  private readonly unloaded = new Set<string>();
  private readonly loads = new Map<string, Set<Delta[]>>();
  /** Deltas received but not yet applied, per SWR key, in arrival order. */
  private readonly pending = new Map<string, Delta[]>();
  /** Cancels the frame that will apply `pending`; set while one is scheduled. */
  private cancelFlush: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly makeTransport: (handlers: StreamHandlers) => Transport;
  private transport: Transport | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private snapshot: LiveSnapshot;

  constructor(
    private readonly swr: { mutate: ScopedMutator; cache: Cache },
    initialStatus?: DashboardStatus,
    options: LiveStreamOptions = {},
  ) {
    this.snapshot = { connection: 'connecting', status: initialStatus };
    this.makeTransport = options.transport ?? ((h) => sharedTransportIfSupported(h) ?? new DirectTransport(h));
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
    this.transport = this.makeTransport({
      event: (name, raw, meta) => this.onEvent(name, raw, meta),
      connection: (c) => this.onConnection(c),
    });
    this.transport.start();
    this.scheduleOpen();
  }

  stop(): void {
    this.started = false;
    clearTimeout(this.openTimer);
    this.flush();
    this.transport?.stop();
    this.transport = undefined;
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

  /**
   * Refetch the given keys through the hooks that use them; by default every watched key the stream carries (one
   * it does not carry yet is loaded when it does: a load before that could miss the deltas in between).
   */
  refetch(keys?: readonly string[]): void {
    let list = keys;
    if (!list) {
      list = [...this.watched.values()].filter((e) => this.carries(e.resource.topic)).map((e) => e.resource.key);
      for (const key of list) this.unloaded.delete(key);
    }
    for (const key of list) this.swr.mutate(key).catch(() => undefined);
  }

  /** After the browser switched cluster context: the open stream belongs to the old one. */
  reconnect(): void {
    this.onConnection('connecting');
    this.open(true);
  }

  /** A status learnt outside the stream (the Retry button's answer). */
  applyStatus(status: DashboardStatus): void {
    this.setStatus(status, Date.now());
  }

  private carries(topic: string): boolean {
    return this.transport?.carries(topic) ?? false;
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

  private scheduleOpen(): void {
    if (!this.started || typeof EventSource === 'undefined') return;
    clearTimeout(this.openTimer);
    // Deferred so a page swap (old hooks unwatch, new ones watch) reopens once with the final topic set.
    this.openTimer = setTimeout(() => this.open(false), 0);
  }

  private open(fresh: boolean): void {
    this.openTimer = undefined;
    const topics = [...new Set([...this.watched.values()].map((e) => e.resource.topic))].sort();
    for (const [key, r] of this.retired) if (!this.watched.has(key)) this.swr.cache.delete(r.key);
    this.retired.clear();
    this.transport?.open(topics, fresh);
    // A key on a topic the stream already carries gets no `hello`: load it now.
    this.loadCarried();
  }

  private loadCarried(): void {
    if (this.snapshot.connection !== 'open' || this.snapshot.status?.phase !== 'ready' || this.unloaded.size === 0) return;
    const keys = [...this.unloaded].filter((key) => {
      const topic = this.watched.get(key)?.resource.topic;
      return topic !== undefined && this.carries(topic);
    });
    for (const key of keys) this.unloaded.delete(key);
    if (keys.length > 0) this.refetch(keys);
  }

  private onConnection(connection: Connection): void {
    // Given back while hidden: what is queued is applied now rather than at a frame that may never come.
    if (connection === 'paused') this.flush();
    if (connection !== this.snapshot.connection) this.update({ connection });
    if (connection === 'open') this.loadCarried();
  }

  private onEvent(name: EventName, raw: string, meta: EventMeta): void {
    let envelope: { topic?: unknown; data?: unknown };
    try {
      envelope = JSON.parse(raw) as { topic?: unknown; data?: unknown };
    } catch {
      return;
    }
    const now = meta.receivedAt ?? Date.now();
    if (name === 'hello') {
      const status = envelope.data as DashboardStatus;
      this.update({ connection: 'open', status, statusReceivedAt: now, lastMessageAt: now });
      // Whatever happened before this connection (initial render, a gap) is not in the stream: refetch once. A
      // connection that resumed where this tab stopped lost nothing: only keys never loaded need a fetch.
      if (status.phase === 'ready') {
        if (meta.continuous) this.loadCarried();
        else this.refetch();
      }
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
