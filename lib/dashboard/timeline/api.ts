import type { Dashboard } from '../context';
import { DashboardError } from '../errors';
import { requireReady } from '../mutations';

function recorder(d: Dashboard) {
  requireReady(d);
  if (!d.timeline || !d.probe) throw new DashboardError(503, 'Connecting', 'the timeline recorder is starting');
  return { timeline: d.timeline, probe: d.probe };
}

/** Everything the swimlanes of one SidecarSet need: every pod's entries on one time axis, gaps, probe runs. */
export function sidecarSetTimeline(d: Dashboard, name: string) {
  const { timeline, probe } = recorder(d);
  if (!requireReady(d).sidecarSet(name)) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
  return {
    name,
    generatedAt: Date.now(),
    gaps: timeline.gapsSnapshot(),
    pods: timeline.timelinesFor(name),
    probe: { runs: probe.snapshot(name), verdicts: probe.verdicts(name) },
  };
}

export function podTimeline(d: Dashboard, namespace: string, name: string) {
  const { timeline, probe } = recorder(d);
  const t = timeline.timeline(namespace, name);
  if (!t) throw new DashboardError(404, 'NotFound', `no timeline for pod ${namespace}/${name} (not a SidecarSet pod, or unknown)`);
  const key = `${namespace}/${name}`;
  const runs = t.sidecarSets.flatMap((ss) => probe.snapshot(ss))
    .map((r) => ({ ...r, pods: r.pods.filter((p) => `${p.namespace}/${p.name}` === key) }))
    .filter((r) => r.pods.length > 0);
  return { generatedAt: Date.now(), gaps: timeline.gapsSnapshot(), pod: t, probe: { runs } };
}
