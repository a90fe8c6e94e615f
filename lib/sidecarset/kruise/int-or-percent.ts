/**
 * intstr.IntOrString arithmetic as Kruise applies it to partition and maxUnavailable (spec §4.3-§4.4).
 * Kruise discards the parse error and uses 0, so an invalid value stalls the rollout; `invalid` lets the dashboard
 * say so instead of silently showing 0.
 */
import type { IntOrString } from './types';

export interface Scaled {
  value: number;
  invalid: boolean;
}

/** GetScaledValueFromIntOrPercent: ints as they are, "p%" scaled by total and rounded up or down. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): Scaled {
  if (typeof v === 'number') return Number.isInteger(v) ? { value: v, invalid: false } : { value: 0, invalid: true };
  if (!v.endsWith('%')) return { value: 0, invalid: true };
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) return { value: 0, invalid: true };
  const p = Number.parseInt(digits, 10);
  const raw = (p * total) / 100;
  return { value: roundUp ? Math.ceil(raw) : Math.floor(raw), invalid: false };
}

/**
 * CalculatePartitionReplicas: a percentage keeps at least one old pod when > 0%, and upgrades at least one pod
 * when < 100% and there is more than one pod; clamped to [0, total].
 */
export function partitionReplicas(partition: IntOrString | null | undefined, total: number): Scaled {
  if (partition === null || partition === undefined) return { value: 0, invalid: false };
  const s = scaledValue(partition, total, true);
  if (s.invalid) return s;
  let value = s.value;
  if (total > 1 && value === total && typeof partition === 'string' && partition !== '100%') value = total - 1;
  return { value: Math.max(Math.min(value, total), 0), invalid: false };
}

/** maxUnavailable, default 1, percentages rounded up (Kruise >= 1.7.5). */
export function maxUnavailableReplicas(maxUnavailable: IntOrString | null | undefined, total: number): Scaled {
  if (maxUnavailable === null || maxUnavailable === undefined) return { value: 1, invalid: false };
  return scaledValue(maxUnavailable, total, true);
}
