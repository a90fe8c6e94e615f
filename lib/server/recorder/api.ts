import type { PodTimelineResponse, SidecarSetTimelineResponse } from '@/lib/api';
import { requireReady, type Dashboard } from '../live/dashboard';
import { DashboardError } from '../http/dashboard-error';

function recorder(d: Dashboard) {
  requireReady(d);
  if (!d.timeline || !d.probe) throw new DashboardError(503, 'Connecting', 'the timeline recorder is starting');
  return { timeline: d.timeline, probe: d.probe };
}

function timelineHead(d: Dashboard, name: string): Omit<SidecarSetTimelineResponse, 'pods'> {
  const { timeline, probe } = recorder(d);
  if (!requireReady(d).sidecarSet(name)) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
  return {
    name,
    generatedAt: Date.now(),
    gaps: timeline.gapsSnapshot(),
    probe: { runs: probe.snapshot(name), verdicts: probe.verdicts(name) },
  };
}

/**
 * Everything the swimlanes of one SidecarSet need, as JSON: every pod's entries on one time axis, gaps, probe
 * runs. The pods' part (megabytes for thousands of pods) comes from the recorder's cache.
 */
export function sidecarSetTimelineJson(d: Dashboard, name: string): string {
  const head = JSON.stringify(timelineHead(d, name));
  return `${head.slice(0, -1)},"pods":${recorder(d).timeline.timelinesJsonFor(name)}}`;
}

export function podTimeline(d: Dashboard, namespace: string, name: string): PodTimelineResponse {
  const { timeline, probe } = recorder(d);
  const t = timeline.timeline(namespace, name);
  if (!t) throw new DashboardError(404, 'NotFound', `no timeline for pod ${namespace}/${name} (not a SidecarSet pod, or unknown)`);
  const key = `${namespace}/${name}`;
  const runs = t.sidecarSets.flatMap((ss) => probe.snapshot(ss))
    .map((r) => ({ ...r, pods: r.pods.filter((p) => `${p.namespace}/${p.name}` === key) }))
    .filter((r) => r.pods.length > 0);
  return { generatedAt: Date.now(), gaps: timeline.gapsSnapshot(), pod: t, probe: { runs } };
}
