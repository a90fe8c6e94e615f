/**
 * What the container image runs, checked without a Docker engine (none on these machines): build the Next.js
 * standalone output exactly as the Dockerfile does, lay it out the same way (server.js + .next/static +
 * public), start `node server.js` from a temporary directory outside the repo, and check it serves the health
 * endpoint, the API on the embedded cluster, a page, and the security headers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../e2e/support/ports';

const root = join(import.meta.dirname, '..');
const dist = '.next-standalone';

function fail(msg: string): never {
  console.error(`standalone check FAILED: ${msg}`);
  process.exit(1);
}

const build = spawnSync('node_modules/.bin/next', ['build'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_OUTPUT: 'standalone', NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: '1' },
});
spawnSync('git', ['checkout', '--', 'tsconfig.json'], { cwd: root });
if (build.status !== 0) fail('next build failed');

const app = mkdtempSync(join(tmpdir(), 'sidecarset-standalone-'));
cpSync(join(root, dist, 'standalone'), app, { recursive: true });
cpSync(join(root, dist, 'static'), join(app, dist, 'static'), { recursive: true });
cpSync(join(root, 'public'), join(app, 'public'), { recursive: true });
if (!existsSync(join(app, 'server.js'))) fail('no server.js in the standalone output');

const [port] = await freePorts(1);
const server = spawn(process.execPath, ['server.js'], {
  cwd: app,
  env: { PATH: process.env.PATH, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DASHBOARD_IGNORE_HOME_KUBECONFIG: '1', HOME: app },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

try {
  await until('/api/healthz', async () => ((await fetch(`${base}/api/healthz`)).ok ? true : undefined));
  const list = await until('mosn in /api/sidecarsets', async () => {
    const r = await fetch(`${base}/api/sidecarsets`);
    const body = (await r.json()) as { items?: Array<{ name: string }> };
    return body.items?.some((s) => s.name === 'mosn') ? body : undefined;
  });
  const page = await fetch(`${base}/`);
  const html = await page.text();
  if (!page.ok || !html.includes('SidecarSet Dashboard')) fail(`the home page did not render (HTTP ${page.status})`);
  const csp = page.headers.get('content-security-policy') ?? '';
  if (!csp.includes("frame-ancestors 'none'") || !/script-src 'self' 'nonce-/.test(csp)) fail(`missing CSP: ${csp}`);
  console.log(`standalone check passed: server.js served /api/healthz, ${list.items?.length ?? 0} SidecarSet(s) from the embedded cluster, the home page and its CSP`);
} finally {
  server.kill('SIGTERM');
  rmSync(app, { recursive: true, force: true });
}
