import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, Disposable } from './types';

/** The benchmark's own production build, beside (not in) the `.next` another engineer's dev server or e2e run uses. */
export const BENCH_DIST_DIR = '.next-bench';

/** What the build is made from: a change to any of these makes `--dashboard-build auto` rebuild. */
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json', 'public'];
/** `next build` rewrites these for the dist dir it built (tsconfig's include list); put them back as they were. */
const REWRITTEN = ['tsconfig.json', 'next-env.d.ts'];

export interface DashboardBuild extends Disposable {
  distDir: string;
  /** Wall time of the build, or 0 when an up-to-date one was reused. */
  buildMs: number;
}

function newestSourceMs(root: string, path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) {
    // Tests are not in the build.
    if (entry === 'node_modules' || /\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestSourceMs(root, join(path, entry)));
  }
  return newest;
}

function isStale(root: string, distDir: string): string | undefined {
  const id = join(root, distDir, 'BUILD_ID');
  if (!existsSync(id)) return 'no build yet';
  const builtAt = statSync(id).mtimeMs;
  const changed = SOURCES.find((s) => newestSourceMs(root, s) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

async function runBuild(root: string, distDir: string): Promise<void> {
  const saved = new Map(REWRITTEN.filter((f) => existsSync(join(root, f))).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  let output = '';
  try {
    const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.stdout.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`next build (${distDir}) failed with ${code}:\n${output.slice(-3000)}`);
  } finally {
    for (const [f, text] of saved) if (readFileSync(join(root, f), 'utf8') !== text) writeFileSync(join(root, f), text);
  }
}

/**
 * A production build of the dashboard in `.next-bench`, made once per run: `--dashboard-build auto` (default)
 * rebuilds only when a source is newer than the build, `always` rebuilds, `never` uses whatever is there.
 */
export function dashboardBuild(ctx: BenchContext): Promise<DashboardBuild> {
  return ctx.fixture('dashboard-build', async () => {
    const root = process.cwd();
    const mode = ctx.options.dashboardBuild;
    const reason = mode === 'always' ? 'requested (--dashboard-build always)' : mode === 'auto' ? isStale(root, BENCH_DIST_DIR) : undefined;
    if (mode === 'never' && !existsSync(join(root, BENCH_DIST_DIR, 'BUILD_ID'))) {
      throw new Error(`--dashboard-build never, but there is no build in ${BENCH_DIST_DIR}`);
    }
    let buildMs = 0;
    if (reason) {
      ctx.log(`building the dashboard into ${BENCH_DIST_DIR} (${reason})…`);
      const t0 = performance.now();
      await runBuild(root, BENCH_DIST_DIR);
      buildMs = performance.now() - t0;
      ctx.log(`built in ${(buildMs / 1000).toFixed(0)} s`);
    } else {
      ctx.log(`reusing the dashboard build in ${BENCH_DIST_DIR}`);
    }
    return { distDir: BENCH_DIST_DIR, buildMs, dispose: async () => undefined };
  });
}
