import type { Goal, Metric, Summary } from './types';

/** Nearest-rank percentile on sorted samples (no interpolation: every reported number was observed). */
function rank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const n = sorted.length;
  return {
    n,
    min: n ? (sorted[0] as number) : Number.NaN,
    median: rank(sorted, 50),
    p95: rank(sorted, 95),
    p99: rank(sorted, 99),
    max: n ? (sorted[n - 1] as number) : Number.NaN,
    mean: n ? sum / n : Number.NaN,
  };
}

/** The number a goal is judged on. */
export function goalValue(m: Metric, goal: Goal): number | undefined {
  if (goal.on === 'value') return m.value;
  return m.summary?.[goal.on];
}

/** Fill pass/ratio from the goal. Ratio is measured/target for ≤ goals and target/measured for ≥ goals, so ≤ 1 is always good. */
export function judge(m: Metric): Metric {
  if (!m.goal) return m;
  const v = goalValue(m, m.goal);
  if (v === undefined || Number.isNaN(v)) return { ...m, pass: false };
  const pass = m.goal.op === '<=' ? v <= m.goal.target : v >= m.goal.target;
  const ratio = m.goal.op === '<=' ? v / m.goal.target : m.goal.target / Math.max(v, Number.MIN_VALUE);
  return { ...m, pass, ratio };
}

export function msSince(t0: number): number {
  return performance.now() - t0;
}
