import type { ServerResponse } from 'node:http';
import type { ResourceDef } from '../resources/definitions';
import { groupVersion } from '../resources/definitions';
import { tableName } from '../registry/rest';
import { ExpiredError, type Store, type StoreEvent, type WatchEventType } from '../store/store';
import type { KubeObject } from '../types';
import { badRequest, expired } from '../apimachinery/errors';

export interface WatchRequest {
  def: ResourceDef;
  namespace?: string;
  resourceVersion?: string;
  allowBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  /** Applied to storage-version objects. */
  filter?: (obj: KubeObject) => boolean;
  /** Renders one object for the client (version conversion, Table rows); undefined = the stored JSON as is. */
  render?: (obj: KubeObject) => unknown;
  bookmarkIntervalMs?: number;
}

/** A slow reader that lets this much pile up is cut off, as kube-apiserver drops watchers that fall behind. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_S = 1800;

const PREFIX: Record<WatchEventType, Buffer> = {
  ADDED: Buffer.from('{"type":"ADDED","object":'),
  MODIFIED: Buffer.from('{"type":"MODIFIED","object":'),
  DELETED: Buffer.from('{"type":"DELETED","object":'),
};
const SUFFIX = Buffer.from('}\n');

/** A queued output line: a store event sent as stored (its line is built at flush time), or a rendered line. */
type Pending = StoreEvent | Buffer;

/** Per-flush memo: each event is serialised once, and watchers with identical queues share one chunk. */
class FlushBatch {
  private readonly bytes = new Map<StoreEvent, Buffer>();
  private readonly chunks = new Map<string, Buffer>();

  eventBytes(e: StoreEvent): Buffer {
    let b = this.bytes.get(e);
    if (!b) {
      b = e.doc.bytes;
      this.bytes.set(e, b);
    }
    return b;
  }

  chunk(key: string | undefined, queue: Pending[]): Buffer {
    if (key === undefined) return this.concat(queue);
    let c = this.chunks.get(key);
    if (!c) {
      c = this.concat(queue);
      this.chunks.set(key, c);
    }
    return c;
  }

  private concat(queue: Pending[]): Buffer {
    const parts: Buffer[] = [];
    for (const p of queue) {
      if (Buffer.isBuffer(p)) parts.push(p);
      else parts.push(PREFIX[p.type], this.eventBytes(p), SUFFIX);
    }
    return Buffer.concat(parts);
  }
}

interface Outbox {
  flush(batch: FlushBatch): void;
}

/**
 * Watch output is written once per event-loop turn (setImmediate), not once per event. Every socket write
 * costs a TLS record and a syscall; with 50 watchers and concurrent writers, writing per event made the
 * fan-out cost 50 writes per commit. Batching keeps delivery within the same loop turn as the commit while
 * letting a busy turn's events go out together, and one shared chunk serves every watcher with the same queue.
 */
const dirty = new Set<Outbox>();
let flushScheduled = false;

function schedule(o: Outbox): void {
  dirty.add(o);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(() => {
    flushScheduled = false;
    const outboxes = [...dirty];
    dirty.clear();
    const batch = new FlushBatch();
    for (const x of outboxes) x.flush(batch);
  });
}

/**
 * Serve `?watch=1` as kube-apiserver does: newline-delimited JSON events over a chunked 200 response,
 * resuming after `resourceVersion` from the store's history, 410 Expired (as an ERROR event) when that is
 * gone, selector transitions as ADDED/DELETED, optional bookmarks, and a server-side timeout.
 */
export function serveWatch(store: Store, res: ServerResponse, w: WatchRequest, onClose: (fn: () => void) => void): void {
  const table = tableName(w.def);
  const matches = (o: KubeObject | undefined): boolean =>
    !!o && (!w.namespace || o.metadata.namespace === w.namespace) && (!w.filter || w.filter(o));
  const rvParam = w.resourceVersion ?? '';
  if (rvParam !== '' && !/^\d+$/.test(rvParam)) throw badRequest(`invalid resource version "${rvParam}"`);

  let backlog: StoreEvent[] = [];
  const initial = rvParam === '' || rvParam === '0' || w.sendInitialEvents;
  if (!initial) {
    try {
      backlog = store.eventsSince(table, Number(rvParam));
    } catch (e) {
      if (!(e instanceof ExpiredError)) throw e;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
      res.end(`${JSON.stringify({ type: 'ERROR', object: expired(e.message).toStatus() })}\n`);
      return;
    }
  }

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let lastRv = initial ? store.resourceVersion : Number(rvParam);
  let closed = false;

  // Unfiltered, unrendered watchers of the same scope queue exactly the scope's events between two flushes,
  // so the first rv, last rv and count identify their queue's content; everyone else gets a private chunk.
  const shareScope = !w.filter && !w.render ? `${table}|${w.namespace ?? ''}` : undefined;
  let queue: Pending[] = [];
  let storedOnly = true;
  const outbox: Outbox = {
    flush(batch) {
      if (closed || queue.length === 0) return;
      const q = queue;
      const first = q[0] as StoreEvent;
      const last = q[q.length - 1] as StoreEvent;
      const key = shareScope !== undefined && storedOnly ? `${shareScope}|${first.rv}|${last.rv}|${q.length}` : undefined;
      queue = [];
      storedOnly = true;
      res.write(batch.chunk(key, q));
      if (res.writableLength > MAX_BUFFERED_BYTES) finish(false);
    },
  };
  const enqueue = (p: Pending): void => {
    if (closed) return;
    if (Buffer.isBuffer(p)) storedOnly = false;
    queue.push(p);
    schedule(outbox);
  };
  const writeEvent = (type: WatchEventType, obj: KubeObject, e?: StoreEvent): void => {
    if (!w.render && e && type === e.type) {
      enqueue(e);
      return;
    }
    const rendered = w.render ? w.render(obj) : obj;
    enqueue(Buffer.from(`${JSON.stringify({ type, object: rendered })}\n`));
  };
  const bookmark = (initialEventsEnd = false): void => {
    const metadata: Record<string, unknown> = { resourceVersion: String(lastRv) };
    if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    enqueue(Buffer.from(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: w.def.kind, apiVersion: groupVersion(w.def.group, w.def.versions[0] as string), metadata } })}\n`));
  };

  const onEvent = (e: StoreEvent): void => {
    if (e.rv <= lastRv) return;
    lastRv = e.rv;
    const now = e.type === 'DELETED' ? false : matches(e.obj);
    const before = e.type === 'ADDED' ? false : matches(e.prevObj);
    if (e.type === 'DELETED') {
      if (before) writeEvent('DELETED', e.obj, e);
    } else if (now && before) writeEvent('MODIFIED', e.obj, e);
    else if (now) writeEvent('ADDED', e.obj, e);
    else if (before) writeEvent('DELETED', e.obj);
  };

  if (initial) {
    // Written directly: nothing is queued yet, and the snapshot must precede every event after it.
    const prefix = w.def.namespaced && w.namespace ? `${w.namespace}/` : undefined;
    res.cork();
    for (const { version } of store.table(table).scan({ prefix })) {
      const obj = version.obj as KubeObject;
      if (w.filter && !w.filter(obj)) continue;
      if (w.render) res.write(`${JSON.stringify({ type: 'ADDED', object: w.render(obj) })}\n`);
      else if (version.doc) res.write(Buffer.concat([PREFIX.ADDED, version.doc.bytes, SUFFIX]));
    }
    res.uncork();
    if (w.sendInitialEvents && w.allowBookmarks) bookmark(true);
  } else {
    for (const e of backlog) onEvent(e);
  }

  const unsubscribe = store.subscribe({ table, remote: true, onEvent });
  const bookmarkTimer = w.allowBookmarks ? setInterval(() => bookmark(), w.bookmarkIntervalMs ?? 30_000) : undefined;
  const timeoutS = w.timeoutSeconds && w.timeoutSeconds > 0 ? w.timeoutSeconds : DEFAULT_TIMEOUT_S;
  const timeout = setTimeout(() => finish(), timeoutS * 1000);
  // kube-apiserver's cacher also bookmarks 2 s before the watch's deadline, so a client resumes from a fresh rv.
  const lastBookmark = w.allowBookmarks && timeoutS > 2 ? setTimeout(() => bookmark(), (timeoutS - 2) * 1000) : undefined;

  /** `deliver`: send what is queued first (timeout); a reader cut off for falling behind gets nothing more. */
  function finish(deliver = true): void {
    if (closed) return;
    if (deliver && queue.length > 0) outbox.flush(new FlushBatch());
    closed = true;
    queue = [];
    unsubscribe();
    if (bookmarkTimer) clearInterval(bookmarkTimer);
    clearTimeout(timeout);
    clearTimeout(lastBookmark);
    res.end();
  }
  onClose(finish);
}
