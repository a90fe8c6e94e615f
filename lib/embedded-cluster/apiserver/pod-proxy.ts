import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pod } from 'kubernetes-types/core/v1';
import { badRequest, serviceUnavailable } from '../apimachinery/errors';
import { findResource } from '../resources/definitions';
import type { Rest } from '../registry/rest';
import { readBody } from './http-util';
import type { ResourceRequest } from './request-info';

export interface ProxyRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Whatever answers inside a pod: the simulated container runtime. Throws on connection errors. */
export interface PodProxyTarget {
  proxy(pod: Pod, port: number, req: ProxyRequest): Promise<ProxyResponse>;
}

/** `name`, `name:port` or `scheme:name:port`, as kube-apiserver's pod proxy accepts. */
export function parseProxyName(raw: string): { name: string; port: number } {
  const parts = raw.split(':');
  let name: string;
  let port: string | undefined;
  if (parts.length === 1) [name] = parts as [string];
  else if (parts.length === 2) [name, port] = parts as [string, string];
  else if (parts.length === 3) [, name, port] = parts as [string, string, string];
  else throw badRequest(`invalid request ${raw}`);
  const n = port === undefined || port === '' ? 80 : Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw badRequest(`invalid port ${port ?? ''}`);
  return { name, port: n };
}

/**
 * /api/v1/namespaces/{ns}/pods/{name[:port]}/proxy/{path}: the request is handed to the simulated pod, and
 * connection failures come back as 503 with kube-apiserver's "error trying to reach service" message, so a
 * traffic probe sees exactly what it would see through a real API server.
 */
export async function handlePodProxy(rest: Rest, target: PodProxyTarget, r: ResourceRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { name, port } = parseProxyName(r.name ?? '');
  const def = findResource('', 'pods');
  if (!def) throw new Error('pods not registered');
  const pod = rest.getStored(def, r.namespace, name) as unknown as Pod;
  const ip = pod.status?.podIP;
  if (!ip) throw serviceUnavailable(`error trying to reach service: pod ${name} has no IP address yet`);
  const body = await readBody(req);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string' && k !== 'authorization') headers[k] = v;
  }
  const url = new URL(req.url ?? '/', 'http://embedded');
  let out;
  try {
    out = await target.proxy(pod, port, { method: req.method ?? 'GET', path: r.subpath || '/', query: url.search, headers, body });
  } catch (e) {
    // Errors that already carry Go's net.OpError shape ("dial tcp a:p: ...", "read tcp a->b: ...") pass through
    // as they are; bare causes get the dial prefix kube-apiserver's transport would add.
    const msg = (e as Error).message;
    throw serviceUnavailable(`error trying to reach service: ${/^(dial|read|write) tcp /.test(msg) ? msg : `dial tcp ${ip}:${port}: ${msg}`}`);
  }
  const payload = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
  res.writeHead(out.status, { ...out.headers, 'Content-Length': payload.length });
  res.end(payload);
}
