/**
 * `npm run bench [-- --only cluster[,dashboard-api]] [--pods N] [--quick] [--watch-agents N] [--cpu-prof]
 *   [--cpu-prof-dir DIR] [--server-root DIR] [--dashboard-build auto|always|never] [--wait-quiet SECONDS] [--out FILE] [--list]`
 *
 * Runs the benchmark groups of groups.ts in order, prints a table and writes machine-readable results to
 * scripts/bench/results/latest.json. `--only X` selects the group named X or every group of family X
 * (`cluster` → cluster-*).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GROUPS } from './groups';
import { machineInfo } from './lib/machine';
import { cpuBetween, cpuSnapshot, waitForQuiet } from './lib/noise';
import { formatTable, writeReport, type RunReport } from './lib/report';
import { judge } from './lib/stats';
import type { BenchContext, BenchGroup, Disposable, GroupResult, RunOptions } from './lib/types';

const USAGE = `npm run bench [-- options]
  --only NAMES         groups to run: a name (cluster-list) or a family (cluster), comma-separated
  --list               list the groups and exit
  --pods N             pods in the scale scenario (default 10000)
  --quick              fewer samples and shorter load phases (smoke test; not for published numbers)
  --watch-agents N     client processes holding the 50 watches (default 2)
  --wait-quiet S       before each group, wait up to S seconds for other processes to go quiet
  --cpu-prof           write V8 CPU profiles of the server and watch clients (--cpu-prof-dir, default
                       scripts/bench/results/profiles); read them with scripts/bench/profile-top.ts
  --server-root DIR    benchmark the embedded cluster of another checkout (before/after comparisons)
  --dashboard-build M  dashboard-* groups: auto (rebuild .next-bench when a source is newer; default), always, never
  --out FILE           results JSON (default scripts/bench/results/latest.json)`;

function select(only: string | undefined): BenchGroup[] {
  if (!only) return GROUPS;
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  const picked = GROUPS.filter((g) => wanted.some((w) => g.name === w || g.name.startsWith(`${w}-`)));
  if (picked.length === 0) throw new Error(`--only ${only} matches no group (known: ${GROUPS.map((g) => g.name).join(', ')})`);
  return picked;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      pods: { type: 'string', default: '10000' },
      quick: { type: 'boolean', default: false },
      'watch-agents': { type: 'string', default: '2' },
      'server-root': { type: 'string' },
      'dashboard-build': { type: 'string', default: 'auto' },
      'wait-quiet': { type: 'string', default: '0' },
      'cpu-prof': { type: 'boolean', default: false },
      'cpu-prof-dir': { type: 'string', default: 'scripts/bench/results/profiles' },
      out: { type: 'string', default: 'scripts/bench/results/latest.json' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.list) {
    for (const g of GROUPS) console.log(`${g.name.padEnd(16)} ${g.description}`);
    return;
  }
  const pods = Number(values.pods);
  if (!Number.isInteger(pods) || pods <= 0) throw new Error(`--pods must be a positive integer, got ${values.pods}`);
  const watchAgents = Number(values['watch-agents']);
  if (!Number.isInteger(watchAgents) || watchAgents <= 0) throw new Error(`--watch-agents must be a positive integer, got ${values['watch-agents']}`);
  const dashboardBuild = values['dashboard-build'];
  if (dashboardBuild !== 'auto' && dashboardBuild !== 'always' && dashboardBuild !== 'never') throw new Error(`--dashboard-build must be auto, always or never, got ${dashboardBuild}`);
  const options: RunOptions = { pods, quick: values.quick, watchAgents, dashboardBuild };
  if (values['server-root']) options.serverRoot = resolve(values['server-root']);
  if (values['cpu-prof']) {
    options.cpuProfDir = resolve(values['cpu-prof-dir']);
    mkdirSync(options.cpuProfDir, { recursive: true });
  }
  const groups = select(values.only);
  const waitQuietMs = Number(values['wait-quiet']) * 1000;
  if (!(waitQuietMs >= 0)) throw new Error(`--wait-quiet must be a number of seconds, got ${values['wait-quiet']}`);

  const fixtures = new Map<string, Promise<Disposable>>();
  const ctx: BenchContext = {
    options,
    fixture<T extends Disposable>(key: string, create: () => Promise<T>): Promise<T> {
      let f = fixtures.get(key);
      if (!f) {
        f = create();
        fixtures.set(key, f);
      }
      return f as Promise<T>;
    },
    log: (m) => console.error(`[bench] ${m}`),
  };
  const disposeAll = async (): Promise<void> => {
    // Newest first: a fixture built on another (a dashboard on a cluster) stops before what it depends on.
    for (const f of [...fixtures.values()].reverse()) await f.then((d) => d.dispose(), () => undefined);
    fixtures.clear();
  };
  process.once('SIGINT', () => { void disposeAll().then(() => process.exit(130)); });

  const report: RunReport = {
    startedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machineInfo(),
    options,
    groups: [],
  };
  try {
    for (const g of groups) {
      ctx.log(`── ${g.name}: ${g.description}`);
      if (waitQuietMs > 0) {
        const q = await waitForQuiet(waitQuietMs);
        ctx.log(q.quiet
          ? `machine quiet after ${(q.waitedMs / 1000).toFixed(0)} s`
          : `machine still busy after ${(q.waitedMs / 1000).toFixed(0)} s (other processes ${q.otherCores.toFixed(2)} cores); running anyway`);
      }
      const t0 = performance.now();
      const cpu0 = cpuSnapshot();
      let result: GroupResult;
      try {
        const r = await g.run(ctx);
        const cpu = cpuBetween(cpu0, cpuSnapshot());
        result = { group: g.name, description: g.description, ...r, metrics: r.metrics.map(judge), durationMs: performance.now() - t0, cpu };
      } catch (e) {
        result = { group: g.name, description: g.description, metrics: [], params: {}, durationMs: performance.now() - t0, error: (e as Error).message };
        ctx.log(`${g.name} failed: ${(e as Error).stack ?? String(e)}`);
      }
      report.groups.push(result);
    }
  } finally {
    await disposeAll();
  }
  writeReport(values.out, report);
  console.log(formatTable(report));
  console.log(`\nResults: ${values.out}${options.cpuProfDir ? `; server CPU profiles: ${options.cpuProfDir}` : ''}`);
  if (report.groups.some((g) => g.error)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
