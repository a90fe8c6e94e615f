import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterError, fromStatus } from './cluster-error';

/**
 * GET a JSON document from the cluster with client-node's credentials and TLS settings, returning plain JSON.
 * The typed client-node APIs turn timestamps into Dates and objects into classes; the caches keep the wire
 * shape, the same shape the watch stream delivers, so the two never disagree.
 */
export async function getJson<T>(kc: KubeConfig, path: string, timeoutMs = 30_000): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ClusterError(500, 'NoCluster', 'the kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  const opts: RequestOptions = { method: 'GET', headers: { Accept: 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<T>((resolve, reject) => {
    const req = send(url, { ...opts, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => reject(new ClusterError(503, 'Unreachable', `cannot reach the cluster: ${e.message}`)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const code = res.statusCode ?? 0;
        if (code < 200 || code >= 300) {
          reject(fromStatus(code, text));
          return;
        }
        try {
          resolve(JSON.parse(text) as T);
        } catch {
          reject(new ClusterError(502, 'BadResponse', `the cluster sent invalid JSON for ${path}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (e) => reject(new ClusterError(503, 'Unreachable', `cannot reach the cluster at ${cluster.server}: ${e.message}`)));
    req.end();
  });
}
