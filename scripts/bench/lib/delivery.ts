import type { DrainReport } from './watch-protocol';
import type { Metric } from './types';
import type { WriteLog } from './pod-writer';

/** The watch-side metrics shared by the fan-out and sustained-write groups. */
export function deliveryMetrics(prefix: string, log: WriteLog, rep: DrainReport): Metric[] {
  const span = (rep.lastReceiveEpoch - log.startEpoch) / 1000;
  const problems = [
    rep.missingTotal ? `${rep.missingTotal} events missing` : '',
    rep.outOfOrderTotal ? `${rep.outOfOrderTotal} out of order` : '',
    rep.duplicateTotal ? `${rep.duplicateTotal} duplicates` : '',
    rep.closed ? `${rep.closed} watchers closed by the server` : '',
    rep.timedOut ? 'drain timed out' : '',
    ...rep.errors,
  ].filter(Boolean);
  return [
    { id: `${prefix}.delivery`, label: 'delivery latency write → each watcher', unit: 'ms', summary: rep.latency,
      notes: 'send timestamp in the object → chunk received by each watcher; one sample per watcher per event' },
    { id: `${prefix}.delivered_per_s`, label: 'events delivered / s (all watchers)', unit: 'ev/s', value: span > 0 ? rep.delivered / span : 0,
      notes: `${rep.delivered} events, ${(rep.bytes / 2 ** 20).toFixed(0)} MiB, first write → last delivery ${span.toFixed(1)} s` },
    { id: `${prefix}.complete`, label: 'watchers that got every event in order', unit: 'watchers', value: rep.complete,
      goal: { on: 'value', op: '>=', target: rep.watchers, source: 'completeness' },
      ...(problems.length ? { notes: problems.join('; ') } : {}) },
    { id: `${prefix}.drain`, label: 'last write answered → last delivery', unit: 'ms', value: Math.max(0, rep.lastReceiveEpoch - log.endEpoch) },
  ];
}
