/**
 * Was the rollout lossless? A verdict from traffic-probe samples, per pod and merged across the rollout.
 * A gap is measured between successful *responses* (request time + latency), because a request that succeeded
 * only after a 3 s stall was a 3 s outage for its caller.
 */
import { formatUtcClock } from '../kruise/time';

export interface ProbeSample {
  /** When the request was sent (epoch ms). */
  atMs: number;
  ok: boolean;
  latencyMs: number;
  /** Version the response reported, e.g. "v2" from `This is version(v2) sidecar`. */
  version?: string;
  error?: string;
}

export interface Verdict {
  /** At least one request, and none failed. */
  lossless: boolean;
  total: number;
  failed: number;
  /**
   * Longest interval without a successful response: between consecutive successes, and also from the first
   * request to the first success and from the last success to the last request when failures sit there.
   */
  longestGapMs: number;
  firstFailureAt?: number;
  lastFailureAt?: number;
  /** Distinct versions in the order they were first seen. */
  versions: string[];
  /** e.g. "lossless: 0 of 412 requests failed, longest gap 180 ms". */
  text: string;
}

function formatGap(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function longestGap(sorted: readonly ProbeSample[]): number {
  if (sorted.length === 0) return 0;
  const first = sorted[0] as ProbeSample;
  const last = sorted[sorted.length - 1] as ProbeSample;
  const responses = sorted.filter((s) => s.ok).map((s) => s.atMs + Math.max(0, s.latencyMs));
  responses.sort((a, b) => a - b);
  // No success at all: the whole window was dark.
  if (responses.length === 0) return Math.max(0, last.atMs + Math.max(0, last.latencyMs) - first.atMs);
  let gap = 0;
  for (let i = 1; i < responses.length; i++) gap = Math.max(gap, (responses[i] as number) - (responses[i - 1] as number));
  if (!first.ok) gap = Math.max(gap, (responses[0] as number) - first.atMs);
  const trailingFailures = sorted.some((s) => !s.ok && s.atMs > (responses[responses.length - 1] as number));
  if (trailingFailures) gap = Math.max(gap, last.atMs + Math.max(0, last.latencyMs) - (responses[responses.length - 1] as number));
  return gap;
}

function verdictText(total: number, failed: number, gapMs: number, firstFail?: number, lastFail?: number): string {
  if (total === 0) return 'no data: no requests recorded';
  if (failed === 0) {
    return `lossless: 0 of ${total} request${total === 1 ? '' : 's'} failed, longest gap ${formatGap(gapMs)}`;
  }
  if (firstFail === undefined || lastFail === undefined || formatUtcClock(firstFail) === formatUtcClock(lastFail)) {
    return `lossy: ${failed} failed at ${formatUtcClock(firstFail ?? 0)}`;
  }
  return `lossy: ${failed} failed between ${formatUtcClock(firstFail)} and ${formatUtcClock(lastFail)}`;
}

export function losslessVerdict(samples: readonly ProbeSample[]): Verdict {
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const failures = sorted.filter((s) => !s.ok);
  const versions: string[] = [];
  for (const s of sorted) if (s.ok && s.version !== undefined && !versions.includes(s.version)) versions.push(s.version);
  const gap = longestGap(sorted);
  const firstFailureAt = failures[0]?.atMs;
  const lastFailureAt = failures[failures.length - 1]?.atMs;
  return {
    lossless: sorted.length > 0 && failures.length === 0,
    total: sorted.length,
    failed: failures.length,
    longestGapMs: gap,
    firstFailureAt,
    lastFailureAt,
    versions,
    text: verdictText(sorted.length, failures.length, gap, firstFailureAt, lastFailureAt),
  };
}

export interface RolloutVerdict {
  perPod: Record<string, Verdict>;
  /** All pods' samples merged on one time axis. */
  rollout: Verdict;
}

/** Samples keyed by pod (e.g. `namespace/name`). */
export function rolloutVerdict(samplesByPod: Readonly<Record<string, readonly ProbeSample[]>>): RolloutVerdict {
  const perPod: Record<string, Verdict> = {};
  const all: ProbeSample[] = [];
  for (const [pod, samples] of Object.entries(samplesByPod)) {
    perPod[pod] = losslessVerdict(samples);
    all.push(...samples);
  }
  return { perPod, rollout: losslessVerdict(all) };
}
