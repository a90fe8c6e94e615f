import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface ProxyAnswer {
  status: number;
  body: string;
  latencyMs: number;
}

/**
 * GET through the API server's pod proxy (`/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy{path}`) with the
 * context's credentials, over one keep-alive agent: a probe every 200 ms must not pay a TLS handshake each time.
 */
export class PodProxyClient {
  private base: Promise<{ url: string; opts: RequestOptions; secure: boolean }> | undefined;

  constructor(private readonly kc: KubeConfig, private readonly timeoutMs = 2000) {}

  private async prepare() {
    this.base ??= (async () => {
      const server = this.kc.getCurrentCluster()?.server ?? '';
      const opts: RequestOptions = { method: 'GET', headers: {} };
      await this.kc.applyToHTTPSOptions(opts);
      const secure = server.startsWith('https:');
      // Replace client-node's per-call agent with one long-lived keep-alive agent carrying the same TLS settings.
      const tls = { ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: opts.rejectUnauthorized, servername: opts.servername };
      opts.agent = secure ? new HttpsAgent({ ...tls, keepAlive: true, maxSockets: 64 }) : new HttpAgent({ keepAlive: true, maxSockets: 64 });
      return { url: server.replace(/\/$/, ''), opts, secure };
    })();
    return this.base;
  }

  async get(namespace: string, pod: string, port: number, path: string): Promise<ProxyAnswer> {
    const { url, opts, secure } = await this.prepare();
    const target = new URL(`${url}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}:${port}/proxy${path.startsWith('/') ? path : `/${path}`}`);
    const started = performance.now();
    const send = secure ? httpsRequest : httpRequest;
    return new Promise<ProxyAnswer>((resolve, reject) => {
      const req = send(target, { ...opts, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => { if (chunks.length < 64) chunks.push(c); });
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 4096), latencyMs: performance.now() - started }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    void this.base?.then(({ opts }) => (opts.agent as HttpAgent | undefined)?.destroy());
  }
}
