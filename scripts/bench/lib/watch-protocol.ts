import type { ApiEndpoint } from './https-client';
import type { Summary } from './types';

/**
 * Written into every benchmark write (annotation value or condition message) with the send time, and read
 * back by watchers. One marker per kind of write: a pod keeps the annotation of an earlier group while a later
 * group writes its status, and the watcher must read this group's timestamp, not the stale one.
 */
export function tsMarker(kind: 'status' | 'annotation'): string {
  return `bench-${kind}-ts:`;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export type ToAgent =
  | { type: 'open'; endpoint: ApiEndpoint; path: string; count: number; marker: string }
  | { type: 'reset' }
  /** Wait until every watcher has seen `lastRv` (or the timeout), then check them against `expectRvs`. */
  | { type: 'drain'; expectRvs: number[]; timeoutMs: number }
  | { type: 'close' };

/** What one watch agent reports; watchers.ts merges the agents' reports into a DrainReport. */
export interface AgentReport {
  watchers: number;
  /** Watchers that received every expected event, in rv order, without duplicates. */
  complete: number;
  missingTotal: number;
  outOfOrderTotal: number;
  duplicateTotal: number;
  /** Watchers the server closed (or that errored) before the drain finished. */
  closed: number;
  errors: string[];
  /** Expected events delivered, summed over watchers. */
  delivered: number;
  bytes: number;
  /** Write timestamp → watcher received the chunk holding the event, ms, for every watcher and event. */
  latencies: Float64Array;
  firstReceiveEpoch: number;
  lastReceiveEpoch: number;
  /** The drain gave up before every watcher caught up. */
  timedOut: boolean;
  /** CPU seconds the watch client process used since the last reset: what receiving cost the client side. */
  clientCpuSeconds: number;
}

export type FromAgent =
  | { type: 'opened'; ok: number; failed: string[] }
  | { type: 'report'; report: AgentReport }
  | { type: 'closed' }
  | { type: 'reset-done' }
  | { type: 'error'; message: string };

export interface DrainReport extends Omit<AgentReport, 'latencies'> {
  latency: Summary;
  /** Watch client processes the watchers were spread over. */
  agents: number;
}
