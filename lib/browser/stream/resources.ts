/**
 * Which SWR key each stream topic keeps current, and how its events change the cached value. Pages name a
 * resource; the live stream does the rest (Headlamp's model: pages declare, the transport layer fetches).
 */
import type {
  DetailEvent, Gap, PodTimelineResponse, ProbeEvent, RemovedEvent, SidecarSetDetailResponse, SidecarSetListResponse,
  SidecarSetTimelineResponse, SummariesEvent, TimelineEvent,
} from '@/lib/api';
import { mergeDetail, mergeSummaries, type ListChange } from './merge';
import { applyProbeEvents, applyTimelineEvents, upsertGaps, verdictsOf } from './timeline-merge';

/** What a stream event does to the cached value: a new value, or "refetch" when a delta cannot express it. */
export type Reduced<T> = T | typeof REFETCH;
export const REFETCH = Symbol('refetch');

/** One stream event for a topic, as it arrived. */
export interface Delta {
  event: string;
  data: unknown;
}

export interface LiveResource<T> {
  /** Stream topic, e.g. `sidecarset/mosn`. */
  topic: string;
  /** SWR key, which is also the URL to GET. */
  key: string;
  /** Events of the always-subscribed `status` topic this resource also takes (e.g. `gap`). */
  statusEvents?: readonly string[];
  /** Apply a batch of events in arrival order. */
  reduce(current: T, deltas: readonly Delta[]): Reduced<T>;
}

export const CLUSTER_KEY = '/api/cluster';

export const sidecarSetsResource: LiveResource<SidecarSetListResponse> = {
  topic: 'sidecarsets',
  key: '/api/sidecarsets',
  reduce(current, deltas) {
    const changes: ListChange[] = [];
    for (const d of deltas) {
      if (d.event === 'summaries') changes.push({ upserts: (d.data as SummariesEvent).upserts });
      else if (d.event === 'removed') changes.push({ removed: (d.data as RemovedEvent).name });
    }
    return mergeSummaries(current, changes);
  },
};

const detailResources = new Map<string, LiveResource<SidecarSetDetailResponse>>();

/** One object per name, so hooks can depend on it without re-subscribing every render. */
export function sidecarSetResource(name: string): LiveResource<SidecarSetDetailResponse> {
  let r = detailResources.get(name);
  if (!r) {
    r = {
      topic: `sidecarset/${name}`,
      key: `/api/sidecarsets/${encodeURIComponent(name)}`,
      reduce(current, deltas) {
        // Deleted: refetching turns into the 404 the page shows.
        if (deltas.some((d) => d.event === 'removed')) return REFETCH;
        return mergeDetail(current, deltas.filter((d) => d.event === 'detail').map((d) => d.data as DetailEvent));
      },
    };
    detailResources.set(name, r);
  }
  return r;
}

/** Gap updates come on the always-subscribed `status` topic; timeline resources take them too. */
export const GAP_EVENT = 'gap';

const timelineResources = new Map<string, LiveResource<SidecarSetTimelineResponse>>();

/** Every pod's timeline of one SidecarSet, with probe runs and verdicts, kept current by `timeline/<name>`. */
export function sidecarSetTimelineResource(name: string): LiveResource<SidecarSetTimelineResponse> {
  let r = timelineResources.get(name);
  if (!r) {
    r = {
      topic: `timeline/${name}`,
      key: `/api/sidecarsets/${encodeURIComponent(name)}/timeline`,
      statusEvents: [GAP_EVENT],
      reduce(current, deltas) {
        const { timeline, probe, gaps } = split(deltas);
        if (timeline.length + probe.length + gaps.length === 0) return current;
        const runs = applyProbeEvents(current.probe.runs, probe);
        const changedRuns = new Set(probe.map((p) => p.run.id));
        const verdicts = runs.map((run) => (changedRuns.has(run.id) ? verdictsOf(run) : current.probe.verdicts.find((v) => v.runId === run.id) ?? verdictsOf(run)));
        return {
          ...current,
          pods: applyTimelineEvents(current.pods, timeline, name),
          gaps: upsertGaps(current.gaps, gaps),
          probe: probe.length > 0 ? { runs, verdicts } : current.probe,
        };
      },
    };
    timelineResources.set(name, r);
  }
  return r;
}

const podTimelineResources = new Map<string, LiveResource<PodTimelineResponse>>();

/**
 * One pod's timeline. It listens on its SidecarSet's `timeline/<name>` topic rather than `pod/<ns>/<name>`:
 * only the former carries the probe's samples, and the pod's own entries are a filter away.
 */
export function podTimelineResource(sidecarSet: string, namespace: string, pod: string): LiveResource<PodTimelineResponse> {
  const ref = `${namespace}/${pod}`;
  const id = `${sidecarSet} ${ref}`;
  let r = podTimelineResources.get(id);
  if (!r) {
    r = {
      topic: `timeline/${sidecarSet}`,
      key: `/api/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}/timeline`,
      statusEvents: [GAP_EVENT],
      reduce(current, deltas) {
        const { timeline, probe, gaps } = split(deltas);
        const mine = timeline.filter((t) => t.namespace === namespace && t.name === pod);
        if (mine.length + probe.length + gaps.length === 0) return current;
        // A new uid under this name is another pod now: refetch rather than splice two histories.
        if (mine.some((t) => t.uid !== current.pod.uid)) return REFETCH;
        const [merged] = applyTimelineEvents([current.pod], mine, sidecarSet);
        return {
          ...current,
          pod: merged ?? current.pod,
          gaps: upsertGaps(current.gaps, gaps),
          probe: probe.length > 0 ? { runs: applyProbeEvents(current.probe.runs, probe, ref) } : current.probe,
        };
      },
    };
    podTimelineResources.set(id, r);
  }
  return r;
}

function split(deltas: readonly Delta[]) {
  const timeline: TimelineEvent[] = [];
  const probe: ProbeEvent[] = [];
  const gaps: Gap[] = [];
  for (const d of deltas) {
    if (d.event === 'timeline') timeline.push(d.data as TimelineEvent);
    else if (d.event === 'probe') probe.push(d.data as ProbeEvent);
    else if (d.event === GAP_EVENT) gaps.push(d.data as Gap);
  }
  return { timeline, probe, gaps };
}
