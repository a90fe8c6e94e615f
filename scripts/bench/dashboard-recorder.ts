import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TimelineEntry } from '@/lib/sidecarset';
import { PodTimeline } from '@/lib/server/recorder/pod-timeline';
import { LATENCY_SHAPE } from './dashboard-latency';
import { scaleDashboard } from './lib/scale-dashboard';
import type { BenchGroup } from './lib/types';

/** At least this many entries are held for the measurement, so per-object noise averages out. */
const TARGET_ENTRIES = 120_000;

interface TimelineShape {
  pods: Array<{ namespace: string; name: string; uid: string; entries: TimelineEntry[] }>;
}

function collector(): () => void {
  // The runner is not started with --expose-gc; this enables it for this process from here on.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/**
 * The recorder's memory per 1,000 timeline entries (issue 4). The entries are the real ones the dashboard of the
 * latency group recorded (backfill, then the readiness writes), fetched from its timeline API; copies with fresh
 * ids are held in the recorder's own per-pod structure (PodTimeline: entry objects, the id set, the arrays) in
 * this process, and the heap is compared after a full GC. JSON-parsed copies do not share the strings the live
 * recorder shares, so this is an upper bound.
 */
export const dashboardRecorder: BenchGroup = {
  name: 'dashboard-recorder',
  description: 'Timeline recorder memory per 1,000 entries, measured on the entries of the 1,000-pod SidecarSet.',
  async run(ctx) {
    const d = await scaleDashboard(ctx, LATENCY_SHAPE, 1);
    const r = await d.dash.get('/api/sidecarsets/sidecar-0/timeline');
    if (r.status !== 200) throw new Error(`timeline: HTTP ${r.status}`);
    const json = r.body.toString('utf8');
    const sample = (JSON.parse(json) as TimelineShape).pods;
    const perCopy = sample.reduce((n, p) => n + p.entries.length, 0);
    if (perCopy === 0) throw new Error('the timeline has no entries');
    const copies = Math.ceil(TARGET_ENTRIES / perCopy);
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    const held: PodTimeline[] = [];
    for (let c = 0; c < copies; c++) {
      // Parsed per copy, so no entry object or string is shared between copies.
      for (const p of (JSON.parse(json) as TimelineShape).pods) {
        const t = new PodTimeline({ metadata: { namespace: p.namespace, name: `${p.name}-${c}`, uid: `${p.uid}-${c}` } }, 2000);
        t.add(p.entries.map((e) => ({ ...e, id: `${e.id}#${c}` })));
        held.push(t);
      }
    }
    gc();
    const after = process.memoryUsage().heapUsed;
    const entries = held.reduce((n, t) => n + t.size, 0);
    const perPodBytes = (after - before) / held.length;
    return {
      metrics: [
        { id: 'recorder.per_1000', label: 'timeline recorder: heap per 1,000 entries (with their pods\' share)', unit: 'KiB', value: ((after - before) / entries) * 1000 / 1024,
          notes: `${entries} entries in ${held.length} pod timelines, ${(entries / held.length).toFixed(1)} per pod; upper bound (no shared strings)` },
        { id: 'recorder.json_per_1000', label: 'the same entries as JSON (what the API and SSE send)', unit: 'KiB', value: (json.length / perCopy) * 1000 / 1024 },
        { id: 'recorder.per_pod', label: 'heap per pod timeline, entries included', unit: 'KiB', value: perPodBytes / 1024 },
      ],
      params: { sourcePods: sample.length, entriesPerCopy: perCopy, copies, perPodCap: 2000 },
    };
  },
};
