/**
 * Which SWR key each stream topic keeps current, and how its events change the cached value. Pages name a
 * resource; the live stream does the rest (Headlamp's model: pages declare, the transport layer fetches).
 */
import type { DetailEvent, RemovedEvent, SidecarSetDetailResponse, SidecarSetListResponse, SummariesEvent } from './api-types';
import { mergeDetail, mergeSummaries, type ListChange } from './merge';

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
