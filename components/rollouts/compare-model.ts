/**
 * Two recorded rollouts side by side: each pod's upgrade and migration time, the distribution of migration
 * times (quantiles and a histogram on shared buckets, so the bars compare), and the pods that failed.
 */
import type { RolloutRecordResponse } from '@/lib/api';

export interface PodTimes {
  key: string;
  /** Upgrade write to Reset; undefined while in flight or when not upgraded. */
  upgradeMs?: number;
  /** The new slot's postStart (the hand-over). */
  migrationMs?: number;
  failed: boolean;
  lossy: boolean;
}

const span = (a?: number, b?: number) => (a !== undefined && b !== undefined && b >= a ? b - a : undefined);

export function podTimes(r: Pick<RolloutRecordResponse, 'pods'>): PodTimes[] {
  return r.pods.map((p) => ({
    key: `${p.namespace}/${p.name}`,
    upgradeMs: span(p.upgradeStartedAt, p.upgradeEndedAt),
    migrationMs: span(p.migrationStartedAt, p.migrationEndedAt),
    failed: p.failed,
    lossy: p.verdict !== undefined && !p.verdict.lossless && p.verdict.total > 0,
  }));
}

export interface Distribution {
  count: number;
  minMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export function distribution(values: readonly number[]): Distribution | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return { count: s.length, minMs: s[0] as number, p50Ms: quantile(s, 0.5), p90Ms: quantile(s, 0.9), p99Ms: quantile(s, 0.99), maxMs: s[s.length - 1] as number };
}

export interface Bucket {
  fromMs: number;
  toMs: number;
  a: number;
  b: number;
}

/** Both sides' values counted on the same equal-width buckets from 0 to the larger maximum. */
export function histogram(a: readonly number[], b: readonly number[], buckets = 10): Bucket[] {
  const max = Math.max(0, ...a, ...b);
  if (a.length + b.length === 0 || buckets <= 0) return [];
  const width = Math.max(1, Math.ceil((max + 1) / buckets));
  const out: Bucket[] = Array.from({ length: buckets }, (_, i) => ({ fromMs: i * width, toMs: (i + 1) * width, a: 0, b: 0 }));
  const put = (v: number, side: 'a' | 'b') => {
    const bucket = out[Math.min(buckets - 1, Math.floor(v / width))];
    if (bucket) bucket[side]++;
  };
  for (const v of a) put(v, 'a');
  for (const v of b) put(v, 'b');
  return out;
}

export interface PodPair {
  key: string;
  a?: PodTimes;
  b?: PodTimes;
  /** b's upgrade time minus a's, when both have one. */
  deltaMs?: number;
}

/** Every pod of either rollout, by name; a pod only one of them touched has one side. */
export function comparePods(a: readonly PodTimes[], b: readonly PodTimes[]): PodPair[] {
  const byA = new Map(a.map((p) => [p.key, p]));
  const byB = new Map(b.map((p) => [p.key, p]));
  const keys = [...new Set([...byA.keys(), ...byB.keys()])].sort();
  return keys.map((key) => {
    const pa = byA.get(key);
    const pb = byB.get(key);
    const deltaMs = pa?.upgradeMs !== undefined && pb?.upgradeMs !== undefined ? pb.upgradeMs - pa.upgradeMs : undefined;
    return { key, a: pa, b: pb, deltaMs };
  });
}

export const migrationTimes = (pods: readonly PodTimes[]): number[] => pods.flatMap((p) => (p.migrationMs === undefined ? [] : [p.migrationMs]));
export const upgradeTimes = (pods: readonly PodTimes[]): number[] => pods.flatMap((p) => (p.upgradeMs === undefined ? [] : [p.upgradeMs]));
