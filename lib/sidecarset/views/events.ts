/**
 * Reading core/v1 Events about pods and containers. Events are fetched by the I/O layer; these helpers only
 * interpret them, e.g. to feed hotPhase's `hasStartedEventSince` hint.
 */
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { timeMs } from '../kruise/time';

/** `spec.containers{sidecar-2}` -> `sidecar-2` (also initContainers / ephemeralContainers). */
export function containerFromFieldPath(fieldPath: string | undefined): string | undefined {
  const m = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}$/.exec(fieldPath ?? '');
  return m?.[1];
}

/** The most recent occurrence: series, then lastTimestamp, then eventTime/firstTimestamp, then creation. */
export function eventTimeMs(e: Event): number | undefined {
  return (
    timeMs(e.series?.lastObservedTime) ??
    timeMs(e.lastTimestamp) ??
    timeMs(e.eventTime) ??
    timeMs(e.firstTimestamp) ??
    timeMs(e.metadata?.creationTimestamp)
  );
}

export function eventCount(e: Event): number {
  return e.series?.count ?? e.count ?? 1;
}

/** The event is about this pod (by uid when both sides have one, else by namespace/name). */
export function eventIsAboutPod(e: Event, pod: Pod): boolean {
  const o = e.involvedObject;
  if (o.kind !== undefined && o.kind !== 'Pod') return false;
  if (o.uid && pod.metadata?.uid) return o.uid === pod.metadata.uid;
  return o.name === pod.metadata?.name && (o.namespace ?? 'default') === (pod.metadata?.namespace ?? 'default');
}

/** Predicate over (container, sinceMs): an event with one of `reasons` for that container at or after sinceMs. */
export type ContainerEventPredicate = (container: string, sinceMs: number | undefined) => boolean;

export function containerEventPredicate(
  events: readonly Event[],
  pod: Pod,
  reasons: ReadonlySet<string>,
): ContainerEventPredicate {
  const hits = events
    .filter((e) => e.reason !== undefined && reasons.has(e.reason) && eventIsAboutPod(e, pod))
    .map((e) => ({ container: containerFromFieldPath(e.involvedObject.fieldPath), at: eventTimeMs(e) }));
  return (container, sinceMs) =>
    hits.some((h) => h.container === container && (sinceMs === undefined || (h.at !== undefined && h.at >= sinceMs)));
}

/** kubelet `Started` for a container: its postStart hook began (spec §3.3 S3). */
export function startedEventPredicate(events: readonly Event[], pod: Pod): ContainerEventPredicate {
  return containerEventPredicate(events, pod, new Set(['Started']));
}

/** kubelet failure events (hook failures, back-off, pull failures). */
export function failureEventPredicate(events: readonly Event[], pod: Pod): ContainerEventPredicate {
  return containerEventPredicate(events, pod, new Set(['FailedPostStartHook', 'BackOff', 'Failed']));
}
