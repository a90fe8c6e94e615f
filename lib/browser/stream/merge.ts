/**
 * Pure merges of stream deltas into cached API responses. Each delta carries whole objects (a full summary, full
 * pod views), so applying deltas in arrival order always converges on the latest state of each object.
 */
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';
import type { DetailEvent, SidecarSetDetailResponse, SidecarSetListResponse } from '@/lib/api';

export const podKey = (p: Pick<PodView, 'namespace' | 'name'>): string => `${p.namespace}/${p.name}`;

export type ListChange = { upserts: readonly SidecarSetSummary[] } | { removed: string };

const byName = (a: SidecarSetSummary, b: SidecarSetSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Apply a batch of list changes in order: upserted summaries replace or join, removed names leave. */
export function mergeSummaries(list: SidecarSetListResponse, changes: readonly ListChange[]): SidecarSetListResponse {
  if (changes.length === 0) return list;
  const items = new Map(list.items.map((s) => [s.name, s]));
  for (const c of changes) {
    if ('removed' in c) items.delete(c.removed);
    else for (const s of c.upserts) items.set(s.name, s);
  }
  return { ...list, items: [...items.values()].sort(byName) };
}

/**
 * Apply a batch of detail deltas in one pass over the pods: the last word on each pod wins, the last summary
 * is taken, and pods keep their positions (new ones are appended).
 */
export function mergeDetail(detail: SidecarSetDetailResponse, events: readonly DetailEvent[]): SidecarSetDetailResponse {
  const last = events[events.length - 1];
  if (!last) return detail;
  const upserts = new Map<string, PodView>();
  const removed = new Set<string>();
  for (const ev of events) {
    for (const k of ev.removed) {
      upserts.delete(k);
      removed.add(k);
    }
    for (const p of ev.upserts) {
      const k = podKey(p);
      removed.delete(k);
      upserts.set(k, p);
    }
  }
  if (upserts.size === 0 && removed.size === 0) return { ...detail, summary: last.summary };
  const pods: PodView[] = [];
  for (const p of detail.pods) {
    const k = podKey(p);
    if (removed.has(k)) continue;
    pods.push(upserts.get(k) ?? p);
    upserts.delete(k);
  }
  for (const p of upserts.values()) pods.push(p);
  return { ...detail, summary: last.summary, pods };
}
