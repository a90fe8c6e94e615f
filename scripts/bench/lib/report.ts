import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MachineInfo } from './machine';
import type { GroupResult, Metric, RunOptions } from './types';

export interface RunReport {
  startedAt: string;
  command: string;
  machine: MachineInfo;
  options: RunOptions;
  groups: GroupResult[];
}

export function writeReport(path: string, report: RunReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

function num(v: number | undefined, unit = ''): string {
  if (v === undefined || Number.isNaN(v)) return '';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function goalText(m: Metric): string {
  if (!m.goal) return '';
  const on = m.goal.on === 'value' ? '' : `${m.goal.on} `;
  return `${on}${m.goal.op} ${m.goal.target} ${m.unit}`;
}

function row(g: GroupResult, m: Metric): string[] {
  const s = m.summary;
  const verdict = m.goal ? (m.pass ? 'PASS' : 'MISS') : '';
  return [
    g.group, m.label, s ? String(s.n) : '', num(s?.median), num(s?.p95), num(s?.p99), num(m.value), m.unit,
    goalText(m), m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}×`, verdict,
  ];
}

/** A plain fixed-width table: readable in a terminal and pasteable into docs. */
export function formatTable(report: RunReport): string {
  const m = report.machine;
  const lines = [
    `Machine: ${m.cpuModel}, ${m.cores} cores${m.cgroupCpuLimit ? ` (cgroup limit ${m.cgroupCpuLimit})` : ''}, ${(m.memTotalMB / 1024).toFixed(1)} GiB RAM, Node ${m.node}, Linux ${m.kernel}`,
    `Load average at start ${m.loadAverage1m.toFixed(2)}; benchmark niceness ${m.nice}`,
    `Command: ${report.command}   (${report.startedAt})`,
    '',
  ];
  const header = ['group', 'metric', 'n', 'median', 'p95', 'p99', 'value', 'unit', 'goal', 'ratio', ''];
  const rows = report.groups.flatMap((g) => (g.error ? [[g.group, `ERROR: ${g.error.split('\n')[0]} (details above)`, '', '', '', '', '', '', '', '', 'FAIL']] : g.metrics.map((x) => row(g, x))));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([2, 3, 4, 5, 6, 9]);
  const fmt = (r: string[]): string => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  lines.push('', 'CPU during each group (average cores; the machine has ' + String(m.cores) + '):');
  for (const g of report.groups) {
    if (!g.cpu) continue;
    const busy = g.cpu.otherCores > 0.25 ? '  ← other processes were busy: treat these numbers with care' : '';
    lines.push(`  ${g.group.padEnd(16)} benchmark ${g.cpu.ourCores.toFixed(2)}, other processes ${g.cpu.otherCores.toFixed(2)}, steal ${g.cpu.stealCores.toFixed(2)}  (${(g.durationMs / 1000).toFixed(0)} s)${busy}`);
  }
  const notes = report.groups.flatMap((g) => g.metrics.filter((x) => x.notes).map((x) => `  ${g.group} / ${x.label}: ${x.notes ?? ''}`));
  if (notes.length) lines.push('', 'Notes:', ...notes);
  lines.push('', 'ratio: measured/goal for ≤ goals, goal/measured for ≥ goals — below 1.00× meets the goal.');
  return lines.join('\n');
}
