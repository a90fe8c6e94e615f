/**
 * `npx tsx scripts/bench/profile-top.ts FILE.cpuprofile [--top N] [--from S] [--to S]`
 *
 * The functions that used the most CPU in a V8 profile (self and inclusive time), optionally within a time
 * window in seconds from the profile start (negative: from its end), e.g. `--from=-12 --to=-2` for the last
 * load phase of a `npm run bench -- --cpu-prof` server profile.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, from: { type: 'string' }, to: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: profile-top.ts FILE.cpuprofile [--top N] [--from S] [--to S]');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const span = (p.endTime - p.startTime) / 1e6;
const at = (v: string | undefined, dflt: number): number => (v === undefined ? dflt : Number(v) < 0 ? span + Number(v) : Number(v));
const from = at(values.from, 0);
const to = at(values.to, span);

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(lib|scripts|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

const perNode = new Map<number, number>();
let total = 0;
let t = p.startTime;
p.samples.forEach((id, i) => {
  const d = p.timeDeltas[i] ?? 0;
  t += d;
  const s = (t - p.startTime) / 1e6;
  if (s < from || s > to) return;
  perNode.set(id, (perNode.get(id) ?? 0) + d);
  total += d;
});

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, d] of perNode) {
  const node = byId.get(id);
  if (!node) continue;
  self.set(label(node), (self.get(label(node)) ?? 0) + d);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    const l = label(n);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + d);
  }
}

const top = Number(values.top);
const print = (title: string, m: Map<string, number>): void => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
};
console.log(`${file}: ${span.toFixed(1)} s profile, window ${from.toFixed(1)}–${to.toFixed(1)} s (${(total / 1e6).toFixed(2)} s sampled)`);
print('self time', self);
print('inclusive time', inclusive);
