import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError, forbidden, resourceNotFound, unauthorized } from '../apimachinery/errors';
import { findResource } from '../resources/definitions';
import type { Rest } from '../registry/rest';
import type { ClusterReader, RequestContext, UserInfo } from '../registry/strategy';
import { ANONYMOUS, forbiddenReason, type Attributes, type RbacAuthorizer, type TokenAuthenticator } from './auth';
import { schemaBodyDecoder } from './decode/body-decoder';
import { decodeBody, OBJECT_BODY_TYPES, readBody, sendError, sendJson, sendRaw } from './http-util';
import { CONNECT_SUBRESOURCES, refuseConnect } from './pod-connect';
import { handlePodLog, type PodLogSource } from './pod-log';
import { handlePodProxy, type PodProxyTarget } from './pod-proxy';
import { parseRequestPath, verbFor, type ResourceRequest } from './request-info';
import { queryBool } from './request/query-options';
import { handleResource, type TableRenderer } from './resource-handler';
import { selfSubjectAccessReview, selfSubjectReview, selfSubjectRulesReview } from './reviews';

export interface NonResourceResponse {
  code: number;
  body: unknown;
  contentType?: string;
}

export interface ApiServerDeps {
  rest: Rest;
  reader: ClusterReader;
  authn: TokenAuthenticator;
  authz: RbacAuthorizer;
  tables: TableRenderer;
  /** Discovery, OpenAPI and /version documents; undefined when the path is not one of them. */
  documents(path: string, accept: string | undefined): NonResourceResponse | undefined;
  proxy: PodProxyTarget;
  /** The kubelets' side of pods/log. */
  logs: PodLogSource;
  now(): number;
  /** Serve https with this key pair; plain http without it (client-node works, kubectl will not send tokens). */
  tls?: { key: string; cert: string };
  /**
   * Simulator-only fault injection, for tests of clients' watch recovery: `POST /debug/embedded/restart?downMs=N
   * [&compact=1]` drops every connection, stays down N ms (and forgets the watch history, so resuming watches
   * get 410), then serves again with the same state. Only cluster-admin may call it (non-resource URL rules).
   * `GET /debug/embedded/watches` (also cluster-admin only) counts the open watches per table.
   */
  restart?(downMs: number, compact: boolean): void;
  /** Extra subresources served by code rather than the generic pipeline, e.g. pods/binding. */
  subresourceHandlers?: Record<string, (r: ResourceRequest, body: unknown, ctx: RequestContext) => unknown>;
}

const REVIEWS: Record<string, (d: ApiServerDeps, user: UserInfo, body: unknown) => unknown> = {
  'authorization.k8s.io/selfsubjectaccessreviews': (d, u, b) => selfSubjectAccessReview(d.authz, u, b),
  'authorization.k8s.io/selfsubjectrulesreviews': (d, u, b) => selfSubjectRulesReview(d.authz, u, b),
  'authentication.k8s.io/selfsubjectreviews': (_d, u) => selfSubjectReview(u),
};

const BODY_DECODER = schemaBodyDecoder();

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

/** The Kubernetes REST front door: authentication, authorization, routing, and Status errors. */
export class ApiServer {
  readonly http: Server;

  constructor(private readonly d: ApiServerDeps) {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      this.handle(req, res).catch((err: unknown) => sendError(res, err, req.headers.accept));
    };
    this.http = d.tls ? createTlsServer({ key: d.tls.key, cert: d.tls.cert }, handler) : createServer(handler);
    this.http.keepAliveTimeout = 65_000;
  }

  listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => resolve(this.http.address() as AddressInfo));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private authorize(user: UserInfo, attrs: Attributes, anonymous: boolean, r?: ResourceRequest): void {
    const decision = this.d.authz.authorize(user, attrs);
    if (decision.allowed) return;
    if (anonymous) throw unauthorized();
    const reason = forbiddenReason(user, attrs);
    if (!r) throw forbidden(undefined, '', reason);
    throw forbidden(r.group ? { group: r.group, resource: r.resource } : r.resource, r.name ?? '', reason);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://embedded');
    const method = req.method ?? 'GET';
    const authResult = this.d.authn.authenticate(req.headers.authorization);
    if (authResult === null) throw unauthorized();
    const anonymous = authResult === undefined;
    const user = authResult ?? ANONYMOUS;
    const parsed = parseRequestPath(url.pathname);

    if (parsed.kind === 'other') {
      const path = parsed.path;
      this.authorize(user, { verb: method.toLowerCase() === 'head' ? 'get' : method.toLowerCase(), path }, anonymous && !PUBLIC_PATHS.has(path));
      if (path === '/healthz' || path === '/livez' || path === '/readyz') {
        sendRaw(res, 200, 'ok', 'text/plain; charset=utf-8');
        return;
      }
      if (path === '/debug/embedded/restart' && method === 'POST' && this.d.restart) {
        const downMs = Math.min(60_000, Math.max(0, Number(url.searchParams.get('downMs') ?? '2000') || 0));
        const compact = url.searchParams.get('compact') === '1';
        sendJson(res, 202, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', message: `restarting: down for ${downMs} ms${compact ? ', watch history compacted' : ''}`, code: 202 });
        res.on('finish', () => this.d.restart?.(downMs, compact));
        return;
      }
      if (path === '/debug/embedded/watches' && method === 'GET') {
        // How many watches API clients hold open, per resource: lets a benchmark check from the cluster's side that
        // a dashboard's watch count does not grow with its browser tabs. cluster-admin only, like the restart.
        sendJson(res, 200, { kind: 'WatchCounts', byTable: this.d.rest.store.watcherCounts() });
        return;
      }
      const doc = this.d.documents(path, req.headers.accept);
      if (!doc) throw resourceNotFound();
      sendJson(res, doc.code, doc.body, doc.contentType ?? 'application/json');
      return;
    }

    const r = parsed;
    const watch = queryBool(url.searchParams, 'watch');
    const verb = verbFor(method, r, watch);
    const ctx: RequestContext = { user, nowMs: this.d.now(), read: this.d.reader, decodeBody: BODY_DECODER, warnings: [] };

    const review = REVIEWS[`${r.group}/${r.resource}`];
    if (review && r.version === 'v1') {
      this.authorize(user, { verb, group: r.group, resource: r.resource }, anonymous, r);
      if (method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
      const body = decodeBody(await readBody(req), req.headers['content-type'], OBJECT_BODY_TYPES);
      sendJson(res, 201, review(this.d, user, body));
      return;
    }

    const def = findResource(r.group, r.resource);
    if (!def || !def.versions.includes(r.version)) throw resourceNotFound();
    this.authorize(user, {
      verb, group: r.group, resource: r.resource, subresource: r.subresource, namespace: r.namespace, name: r.name,
    }, anonymous, r);

    if (r.subresource === 'proxy' && def.subresources.includes('proxy')) {
      await handlePodProxy(this.d.rest, this.d.proxy, r, req, res);
      return;
    }
    if (r.resource === 'pods' && r.name && r.subresource === 'log') {
      if (method !== 'GET' && method !== 'HEAD') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const pod = this.d.rest.getStored(def, r.namespace, r.name) as unknown as Pod;
      handlePodLog(this.d.logs, pod, r, url, req, res, this.d.now());
      return;
    }
    if (r.resource === 'pods' && r.name && (CONNECT_SUBRESOURCES as readonly string[]).includes(r.subresource ?? '')) {
      this.d.rest.getStored(def, r.namespace, r.name);
      throw refuseConnect(r);
    }
    const extra = r.subresource ? this.d.subresourceHandlers?.[`${r.resource}/${r.subresource}`] : undefined;
    if (extra) {
      if (method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const body = decodeBody(await readBody(req), req.headers['content-type'], ['application/json', 'application/yaml']);
      sendJson(res, 201, extra(r, body, ctx));
      return;
    }
    await handleResource(this.d.rest, this.d.tables, def, r, req, res, url, ctx);
  }
}
