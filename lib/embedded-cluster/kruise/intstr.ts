/**
 * IntOrString arithmetic used by the rollout (spec §4.3, §4.4): apimachinery's GetValueFromIntOrPercent for
 * maxUnavailable and Kruise's CalculatePartitionReplicas (pkg/util/tools.go:160-243) for partition.
 */
import type { IntOrString } from './types';

/**
 * intstr.GetValueFromIntOrPercent: ints as is, "N%" (integer N) scaled by total and rounded as asked.
 * Returns undefined where Go returns an error (callers then use 0, as Kruise ignores the error).
 */
export function getValueFromIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Math.trunc(v);
  if (!v.endsWith('%')) return undefined;
  const body = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(body)) return undefined;
  const scaled = (Number(body) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** Kruise's GetScaledValueFromIntOrPercent: like the above but the percentage may be fractional. */
export function getScaledValueFromIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Math.trunc(v);
  if (!v.endsWith('%')) return undefined;
  const body = v.slice(0, -1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const scaled = (Number(body) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * CalculatePartitionReplicas (v1.9): a percentage rounds up (so >0% keeps at least one old pod), but is
 * forced below `replicas` unless it is exactly "100%" (so <100% upgrades at least one pod), then clamped.
 * An invalid value counts as 0, the value Kruise proceeds with after ignoring the error.
 */
export function calculatePartitionReplicas(partition: IntOrString | undefined, replicas: number): number {
  if (partition === undefined) return 0;
  let p = getScaledValueFromIntOrPercent(partition, replicas, true);
  if (p === undefined) return 0;
  if (replicas > 1 && p === replicas && typeof partition === 'string' && partition !== '100%') p = replicas - 1;
  return Math.max(Math.min(p, replicas), 0);
}

/** maxUnavailable as the strategy applies it: default 1, percentages rounded up, invalid values 0. */
export function calculateMaxUnavailable(maxUnavailable: IntOrString | undefined, total: number): number {
  if (maxUnavailable === undefined) return 1;
  return getValueFromIntOrPercent(maxUnavailable, total, true) ?? 0;
}
