import { ProxyConnectionError } from './errors';
import type { Connection } from './netns';
import type { Sandbox } from './sandbox';
import type { ProxyRequest, ProxyResponse } from './types';

/** Where the API server's proxy connections come from, as the pods see it. */
const PROXY_SOURCE_IP = '10.244.0.1';

/**
 * The API server's pod proxy transport: ONE persistent upstream connection per (pod, port), kept alive between
 * requests the way kube-apiserver's transport does. That is what lets MOSN's connection migration (or its
 * absence) show up as success or failure in a probe:
 * - the connection's owner serves each request;
 * - an owner that died while still holding an XProtocol connection reset it: the next request fails with
 *   "connection reset by peer" and the connection is dropped;
 * - an HTTP/1 connection closed by its server is noticed and silently replaced (Go's transport redials);
 * - a new connection goes to whichever process accepts now, or fails with "connection refused".
 */
export class UpstreamPool {
  private readonly conns = new Map<string, Connection>();

  request(sandbox: Sandbox, port: number, req: ProxyRequest): ProxyResponse {
    const key = `${sandbox.pod.uid}:${port}`;
    let conn = this.conns.get(key);
    if (conn && conn.state === 'reset') {
      this.conns.delete(key);
      throw new ProxyConnectionError(
        'ECONNRESET',
        `read tcp ${PROXY_SOURCE_IP}:${conn.clientPort}->${sandbox.ip}:${port}: read: connection reset by peer`,
      );
    }
    if (conn && conn.state === 'closed') {
      this.conns.delete(key);
      conn = undefined;
    }
    if (!conn) {
      conn = sandbox.netns.connect(port);
      if (!conn) throw new ProxyConnectionError('ECONNREFUSED', `dial tcp ${sandbox.ip}:${port}: connect: connection refused`);
      this.conns.set(key, conn);
    }
    conn.requests++;
    return conn.owner.handle(conn, req);
  }

  /** The connections this proxy holds, for introspection. */
  connectionIds(podUid: string): number[] {
    return [...this.conns.entries()].filter(([k]) => k.startsWith(`${podUid}:`)).map(([, c]) => c.id);
  }

  dropPod(podUid: string): void {
    for (const key of [...this.conns.keys()]) if (key.startsWith(`${podUid}:`)) this.conns.delete(key);
  }
}
