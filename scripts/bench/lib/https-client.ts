import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

/** Where and as whom to talk to the API server: what a kubeconfig's admin context holds. */
export interface ApiEndpoint {
  url: string;
  token: string;
  /** PEM of the cluster CA; the server's certificate is verified against it (no insecure-skip-tls-verify). */
  ca: string;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() when the request was issued and when the last byte arrived. */
  startedAt: number;
  endedAt: number;
}

/** A keep-alive agent, as client-go and client-node keep connections open; TLS handshakes stay out of the numbers. */
export function keepAliveAgent(ep: ApiEndpoint, maxSockets: number): Agent {
  return new Agent({ ca: ep.ca, keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
}

/** One request over real HTTPS; resolves when the whole body has arrived. */
export function apiRequest(
  ep: ApiEndpoint, agent: Agent, method: string, path: string, body?: string, contentType = 'application/json',
): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const headers: Record<string, string | number> = { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = request(new URL(path, ep.url), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), startedAt, endedAt: performance.now(),
      }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Throw with the server's Status message unless the response is 2xx. */
export function expectOk(r: ApiResponse, what: string): ApiResponse {
  if (r.status < 200 || r.status > 299) throw new Error(`${what}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
  return r;
}

const RV_KEY = Buffer.from('"resourceVersion":"');

/**
 * The first `"resourceVersion":"…"` in a JSON document: the object's own (metadata precedes nested objects
 * that could carry one, and inside string values the quotes are escaped so they cannot match). Lets clients
 * read an rv out of a 5 KB pod or a 46 MB list without parsing it, so client CPU does not pollute the numbers.
 */
export function firstResourceVersion(buf: Buffer, from = 0, to = buf.length): number | undefined {
  const at = buf.subarray(from, to).indexOf(RV_KEY);
  if (at < 0) return undefined;
  let v = 0;
  for (let i = from + at + RV_KEY.length; i < to; i++) {
    const c = buf[i] as number;
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The list's `metadata.continue`, read from the head of the body (ListMeta is serialised before items). */
export function continueToken(body: Buffer): string | undefined {
  const head = body.subarray(0, 4096).toString('utf8');
  const items = head.indexOf('"items":');
  const m = /"continue":"([^"]*)"/.exec(items >= 0 ? head.slice(0, items) : head);
  return m?.[1] || undefined;
}
