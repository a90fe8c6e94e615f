import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeleteOptions } from 'kubernetes-types/meta/v1';
import { methodNotAllowed, resourceNotFound, unsupportedMediaType } from '../apimachinery/errors';
import { fieldSelectorFilter } from '../apimachinery/field-selectors';
import { parseLabelSelector } from '../apimachinery/selectors';
import type { ResourceDef } from '../resources/definitions';
import { groupVersion } from '../resources/definitions';
import { listObjects } from '../registry/list';
import type { Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import type { KubeObject } from '../types';
import { warningHeader } from './decode/body-decoder';
import { APPLY_PATCH, BUILTIN_PATCH_TYPES, CUSTOM_RESOURCE_PATCH_TYPES, serverSideApplyUnsupported } from '../apimachinery/patch';
import { deleteCollection } from './delete-collection';
import { decodeBody, mediaType, OBJECT_BODY_TYPES, readBody, sendJson, sendRaw } from './http-util';
import { negotiateOutput, toYaml } from './request/negotiate';
import { handleScale } from './scale';
import type { ResourceRequest } from './request-info';
import { serveWatch } from './watch';
import { parseListQuery, parseWriteQuery, queryBool, queryInt, validateListQuery, type WriteOptionsKind } from './request/query-options';

export interface TableRenderer {
  /** Whether the Accept header asks for meta.k8s.io Table. */
  wants(accept: string | undefined): boolean;
  contentType: string;
  render(def: ResourceDef, objects: KubeObject[], opts: { includeObject?: string; resourceVersion: string; continueToken?: string; remainingItemCount?: number }): unknown;
}

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
const BODY_TYPES = ['application/json', 'application/yaml'];
// kubectl's typed clients send built-in kinds as protobuf; DeleteOptions and patches stay JSON/YAML.

const WRITE_OPTIONS: Record<string, WriteOptionsKind> = { POST: 'CreateOptions', PUT: 'UpdateOptions', PATCH: 'PatchOptions', DELETE: 'DeleteOptions' };

function selectorFilter(def: ResourceDef, q: URLSearchParams): ((o: KubeObject) => boolean) | undefined {
  const ls = q.get('labelSelector');
  const fs = q.get('fieldSelector');
  const labels = ls ? parseLabelSelector(ls) : undefined;
  const fields = fs ? fieldSelectorFilter(def.kind, fs, { namespaced: def.namespaced }) : undefined;
  if (!labels && !fields) return undefined;
  return (o) => (!labels || labels.matches(o.metadata.labels)) && (!fields || fields(o));
}

const LIST_SLAB_BYTES = 1 << 20;
const COMMA = Buffer.from(',');
const LIST_TAIL = Buffer.from(']}');

/**
 * Send a list body made of the items' cached JSON bytes. A 10,000-pod list is ~45 MB: joining it into one
 * string, measuring and re-encoding it cost more than the rest of the LIST together. Instead the items are
 * copied into 1 MB slabs that are written with backpressure, so the client decrypts the first megabytes while
 * later ones are encrypted, other requests interleave, and no 45 MB buffer is ever held.
 */
async function sendListBody(res: ServerResponse, head: string, items: Buffer[]): Promise<void> {
  const headBuf = Buffer.from(head);
  let total = headBuf.length + LIST_TAIL.length + Math.max(0, items.length - 1);
  for (const b of items) total += b.length;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Content-Length': total });
  const pieces = function* (): Generator<Buffer> {
    yield headBuf;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) yield COMMA;
      yield items[i] as Buffer;
    }
    yield LIST_TAIL;
  };
  let slab = Buffer.allocUnsafe(Math.min(total, LIST_SLAB_BYTES));
  let used = 0;
  let remaining = total;
  for (const piece of pieces()) {
    let off = 0;
    while (off < piece.length) {
      const n = piece.copy(slab, used, off);
      used += n;
      off += n;
      if (used < slab.length) continue;
      remaining -= used;
      if (!res.write(slab)) await drained(res);
      if (res.destroyed) return;
      slab = Buffer.allocUnsafe(Math.min(Math.max(remaining, 1), LIST_SLAB_BYTES));
      used = 0;
    }
  }
  res.end(used > 0 ? slab.subarray(0, used) : undefined);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** GET/LIST/WATCH/POST/PUT/PATCH/DELETE on one served resource, after authentication and authorization. */
export async function handleResource(
  rest: Rest, tables: TableRenderer, def: ResourceDef, r: ResourceRequest, req: IncomingMessage, res: ServerResponse,
  url: URL, ctx: RequestContext,
): Promise<void> {
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const version = r.version;
  const sub = r.subresource;
  // A subresource the kind does not have is a path nobody serves, as in kube-apiserver.
  if (sub && (!r.name || !(def.subresources as string[]).includes(sub) || sub === 'proxy')) throw resourceNotFound();
  if (!def.namespaced && r.namespace && def.plural !== 'namespaces') throw resourceNotFound();
  // A verb the kind does not serve (CRDs here are read-only) is a 405, as for kube's storage without that verb.
  const verb = method === 'GET' || method === 'HEAD' ? (r.name ? 'get' : queryBool(q, 'watch') ? 'watch' : 'list')
    : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : method === 'DELETE' ? (r.name ? 'delete' : 'deletecollection') : '';
  if (verb && verb !== 'deletecollection' && !(def.verbs as string[]).includes(verb)) throw methodNotAllowed();
  const writeKind = WRITE_OPTIONS[method];
  if (writeKind) {
    const w = parseWriteQuery(q, writeKind, mediaType(req.headers['content-type']));
    ctx.dryRun = w.dryRun;
    ctx.fieldValidation = w.fieldValidation;
  }
  if (sub === 'scale' && r.name) {
    const out = await handleScale(rest, def, version, r.namespace, r.name, req, ctx);
    sendJson(res, out.code, out.body);
    return;
  }
  const accept = req.headers.accept;
  const asTable = tables.wants(accept) && (method === 'GET');
  const render = (obj: KubeObject): unknown => {
    const ext = rest.toExternal(def, obj, version);
    return asTable ? tables.render(def, [ext], { includeObject: q.get('includeObject') ?? undefined, resourceVersion: ext.metadata.resourceVersion ?? '' }) : ext;
  };
  // Negotiated before any work, so a client that accepts nothing we can produce changes nothing (406).
  const format = asTable || (method === 'GET' && !r.name && queryBool(q, 'watch')) ? 'json' : negotiateOutput(accept);
  const respond = (code: number, obj: unknown): void => {
    if (ctx.warnings?.length) res.setHeader('Warning', ctx.warnings.map(warningHeader));
    if (format === 'yaml') sendRaw(res, code, toYaml(obj), 'application/yaml');
    else sendJson(res, code, obj, asTable ? tables.contentType : 'application/json');
  };

  if (method === 'GET' && !r.name) {
    const filter = selectorFilter(def, q);
    const namespace = r.namespace;
    const lq = parseListQuery(q);
    validateListQuery(lq);
    if (lq.watch) {
      const needsRender = asTable || version !== def.storageVersion;
      serveWatch(rest.store, res, {
        def, namespace, filter,
        resourceVersion: lq.resourceVersion,
        allowBookmarks: lq.allowWatchBookmarks,
        sendInitialEvents: lq.sendInitialEvents === true,
        timeoutSeconds: lq.timeoutSeconds,
        render: needsRender ? render : undefined,
      }, (fn) => { req.on('close', fn); res.on('close', fn); });
      return;
    }
    const list = listObjects(rest.store, def, {
      namespace, filter, unfiltered: !filter,
      limit: lq.limit,
      continueToken: lq.continueToken,
      resourceVersion: lq.resourceVersion,
      resourceVersionMatch: lq.resourceVersionMatch,
    });
    const meta: Record<string, unknown> = { resourceVersion: String(list.resourceVersion) };
    if (list.continueToken) meta.continue = list.continueToken;
    if (list.remainingItemCount !== undefined) meta.remainingItemCount = list.remainingItemCount;
    if (asTable) {
      const objs = list.items.map((i) => rest.toExternal(def, i.obj, version));
      respond(200, tables.render(def, objs, { includeObject: q.get('includeObject') ?? undefined, resourceVersion: String(list.resourceVersion), continueToken: list.continueToken, remainingItemCount: list.remainingItemCount }));
      return;
    }
    if (format === 'yaml') {
      const items = list.items.map((i) => rest.toExternal(def, i.obj, version));
      respond(200, { kind: def.listKind, apiVersion: groupVersion(def.group, version), metadata: meta, items });
      return;
    }
    const head = `{"kind":"${def.listKind}","apiVersion":"${groupVersion(def.group, version)}","metadata":${JSON.stringify(meta)},"items":[`;
    // Collected synchronously: the bytes are immutable, so streaming them later still sends this snapshot.
    const parts = version === def.storageVersion
      ? list.items.map((i) => i.doc.bytes)
      : list.items.map((i) => Buffer.from(JSON.stringify(rest.toExternal(def, i.obj, version))));
    await sendListBody(res, head, parts);
    return;
  }

  if (method === 'GET' && r.name) {
    respond(200, render(rest.getStored(def, r.namespace, r.name)));
    return;
  }

  if (method === 'DELETE' && !r.name) {
    const buf = await readBody(req);
    const options = buf.length > 0 ? decodeBody(buf, req.headers['content-type'], BODY_TYPES) as DeleteOptions : undefined;
    respond(200, deleteCollection(rest, def, version, r.namespace, selectorFilter(def, q), options, ctx));
    return;
  }

  if (method === 'DELETE' && r.name) {
    const buf = await readBody(req);
    let options: DeleteOptions | undefined;
    if (buf.length > 0) options = decodeBody(buf, req.headers['content-type'], BODY_TYPES) as DeleteOptions;
    const grace = queryInt(q, 'gracePeriodSeconds');
    options = { ...(options ?? {}), ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) };
    respond(200, rest.delete(def, version, r.namespace, r.name, options, ctx));
    return;
  }

  if (method === 'POST' && !r.name) {
    const body = decodeBody(await readBody(req), req.headers['content-type'], OBJECT_BODY_TYPES);
    respond(201, rest.create(def, version, r.namespace, body, ctx));
    return;
  }

  if (method === 'PUT' && r.name) {
    const body = decodeBody(await readBody(req), req.headers['content-type'], OBJECT_BODY_TYPES);
    respond(200, rest.update(def, version, r.namespace, r.name, body, ctx, sub === 'status' ? 'status' : undefined));
    return;
  }

  if (method === 'PATCH' && r.name) {
    const ct = mediaType(req.headers['content-type']);
    if (!PATCH_TYPES.includes(ct)) throw unsupportedMediaType(ct, PATCH_TYPES);
    // Refused before the object is looked up, so applying a new object is the same 415 and not a 404.
    if (ct === APPLY_PATCH) throw serverSideApplyUnsupported(def.group === 'apps.kruise.io' ? CUSTOM_RESOURCE_PATCH_TYPES : BUILTIN_PATCH_TYPES);
    const body = decodeBody(await readBody(req), ct, [...PATCH_TYPES]);
    respond(200, rest.patch(def, version, r.namespace, r.name, ct, body, ctx, sub === 'status' ? 'status' : undefined));
    return;
  }

  throw methodNotAllowed(def.plural, method);
}
