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

const lineCache = new WeakMap<StoreEvent, Buffer>();

function storedLine(e: StoreEvent): Buffer {
  let b = lineCache.get(e);
  if (!b) {
    b = Buffer.from(`{"type":"${e.type}","object":${e.json}}\n`);
    lineCache.set(e, b);
  }
  return b;
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

  const write = (chunk: Buffer | string): void => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) finish();
  };
  const writeEvent = (type: WatchEventType, obj: KubeObject, e?: StoreEvent): void => {
    if (!w.render && e && type === e.type) {
      write(storedLine(e));
      return;
    }
    const rendered = w.render ? w.render(obj) : obj;
    write(`${JSON.stringify({ type, object: rendered })}\n`);
  };
  const bookmark = (initialEventsEnd = false): void => {
    const metadata: Record<string, unknown> = { resourceVersion: String(lastRv) };
    if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    write(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: w.def.kind, apiVersion: groupVersion(w.def.group, w.def.versions[0] as string), metadata } })}\n`);
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
    const prefix = w.def.namespaced && w.namespace ? `${w.namespace}/` : undefined;
    res.cork();
    for (const { version } of store.table(table).scan({ prefix })) {
      const obj = version.obj as KubeObject;
      if (!w.filter || w.filter(obj)) {
        if (w.render) writeEvent('ADDED', obj);
        else write(`{"type":"ADDED","object":${version.json as string}}\n`);
      }
    }
    res.uncork();
    if (w.sendInitialEvents && w.allowBookmarks) bookmark(true);
  } else {
    for (const e of backlog) onEvent(e);
  }

  const unsubscribe = store.subscribe({ table, onEvent });
  const bookmarkTimer = w.allowBookmarks ? setInterval(() => bookmark(), w.bookmarkIntervalMs ?? 30_000) : undefined;
  const timeoutS = w.timeoutSeconds && w.timeoutSeconds > 0 ? w.timeoutSeconds : DEFAULT_TIMEOUT_S;
  const timeout = setTimeout(() => finish(), timeoutS * 1000);

  function finish(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (bookmarkTimer) clearInterval(bookmarkTimer);
    clearTimeout(timeout);
    res.end();
  }
  onClose(finish);
}
