/**
 * core/v1 Events as timeline entries (spec §8.5): kubelet container events keyed to the container through
 * involvedObject.fieldPath `spec.containers{name}`, and Kruise's SidecarSet controller events.
 */
import type { Event } from 'kubernetes-types/core/v1';
import { containerFromFieldPath, eventCount, eventTimeMs } from '../views/events';
import type { EventStage, TimelineEntry } from './types';
import type { Severity } from '../views/types';

const STAGES: Record<string, { stage: EventStage; severity: Severity }> = {
  Killing: { stage: 'kill', severity: 'info' },
  Pulling: { stage: 'pull', severity: 'info' },
  Pulled: { stage: 'pulled', severity: 'info' },
  Created: { stage: 'created', severity: 'info' },
  Started: { stage: 'started', severity: 'progress' },
  Failed: { stage: 'failed', severity: 'error' },
  BackOff: { stage: 'backoff', severity: 'error' },
  FailedPostStartHook: { stage: 'hookFailed', severity: 'error' },
  FailedPreStopHook: { stage: 'hookFailed', severity: 'warning' },
  Unhealthy: { stage: 'probeFailed', severity: 'warning' },
  ResetContainerSucceed: { stage: 'reset', severity: 'info' },
  ResetContainerFailed: { stage: 'resetFailed', severity: 'error' },
  NotUpgradablePods: { stage: 'notUpgradable', severity: 'warning' },
};

/**
 * undefined when the event has no usable time or names no object. The id is the event's uid plus its count, so
 * a repeated event (count 1 -> 2) is a new entry while a re-delivered one is not.
 */
export function eventToTimelineEntry(event: Event): TimelineEntry | undefined {
  const atMs = eventTimeMs(event);
  const o = event.involvedObject;
  if (atMs === undefined || !o.name) return undefined;
  const reason = event.reason ?? '';
  const known = STAGES[reason];
  const eventType = event.type ?? 'Normal';
  const severity: Severity = known?.severity ?? (eventType === 'Warning' ? 'warning' : 'info');
  const container = containerFromFieldPath(o.fieldPath);
  const count = eventCount(event);
  const eventId = event.metadata?.uid || `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? `${o.name}.${reason}.${atMs}`}`;
  const where = container ? ` ${container}` : '';
  return {
    kind: 'event',
    id: `ev/${eventId}/${count}`,
    atMs,
    subject: { kind: o.kind ?? 'Pod', namespace: o.namespace, name: o.name, uid: o.uid },
    container,
    severity,
    text: `${reason}${where}${event.message ? `: ${event.message}` : ''}${count > 1 ? ` (x${count})` : ''}`,
    reason,
    eventType,
    message: event.message,
    count,
    component: event.source?.component ?? event.reportingComponent,
    stage: known?.stage ?? 'other',
  };
}
