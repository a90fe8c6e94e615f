/**
 * Test support: a throwaway HTTP server that answers discovery and OpenAPI from our builders (plus whatever extra
 * routes a test adds), and a way to run the real kubectl against it with an isolated kubeconfig and cache.
 * Used only by *.test.ts files; the real server lives elsewhere.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleOpenApi } from '../openapi/handler';
import { handleDiscovery } from './handler';

export type ExtraRoute = (req: IncomingMessage, url: URL, res: ServerResponse) => boolean;

export interface DocServer {
  url: string;
  /** Every request seen, as `METHOD path?query` plus the Accept header, for assertions. */
  requests: Array<{ method: string; path: string; accept: string }>;
  close(): Promise<void>;
}

export async function startDocServer(extra?: ExtraRoute): Promise<DocServer> {
  const requests: DocServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const accept = req.headers.accept ?? '';
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, accept });
    if (extra?.(req, url, res)) return;
    const answer =
      handleDiscovery(url.pathname, accept) ??
      handleOpenApi({ pathname: url.pathname, hash: url.searchParams.get('hash'), ifNoneMatch: req.headers['if-none-match'] ?? null });
    if (answer) {
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A kubeconfig and cache directory of its own, so runs neither read nor pollute the user's ~/.kube. */
export class KubectlSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'kubectl-harness-'));
  private readonly kubeconfig = join(this.dir, 'kubeconfig');

  constructor(serverUrl: string) {
    writeFileSync(this.kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: embedded',
      'clusters:', '- name: embedded', '  cluster:', `    server: ${serverUrl}`,
      'users:', '- name: dev', '  user:', '    token: x',
      'contexts:', '- name: embedded', '  context:', '    cluster: embedded', '    user: dev', '    namespace: default',
    ].join('\n'));
  }

  run(args: string[], stdin?: string): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = execFile('kubectl', ['--kubeconfig', this.kubeconfig, '--cache-dir', join(this.dir, 'cache'), ...args],
        { env: { ...process.env, HOME: this.dir, KUBECONFIG: this.kubeconfig }, timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
          resolve({ code, stdout, stderr });
        });
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
