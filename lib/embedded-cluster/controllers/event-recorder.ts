import type { Event } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock';
import { toRfc3339 } from '../clock';
import type { InternalClient } from '../internal-client/internal-client';
import type { KubeObject } from '../types';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

/** kube-apiserver keeps Events for an hour (--event-ttl). */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** client-go's EventCorrelator aggregates identical events seen within ten minutes into one with a count. */
const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * client-go's EventRecorder for the simulated components: the first occurrence creates an Event, repeats
 * bump `count` and `lastTimestamp` on the same object, and every Event expires after the TTL.
 */
export class EventRecorder {
  private readonly seen = new Map<string, { name: string; namespace: string; at: number }>();
  private counter = 0;

  constructor(private readonly client: InternalClient, private readonly clock: Clock, private readonly source: EventSource) {}

  record(involved: KubeObject, e: EventInput): void {
    const meta = involved.metadata;
    const namespace = meta.namespace ?? 'default';
    const key = [meta.uid, e.type, e.reason, e.message, e.fieldPath ?? '', this.source.component].join('\u0000');
    const now = this.clock.now();
    const prev = this.seen.get(key);
    try {
      if (prev && now - prev.at < AGGREGATE_WINDOW_MS) {
        const existing = this.client.get('events', prev.namespace, prev.name) as unknown as Event | undefined;
        if (existing) {
          this.client.patch('events', prev.namespace, prev.name, 'application/merge-patch+json', {
            count: (existing.count ?? 1) + 1,
            lastTimestamp: toRfc3339(now),
          });
          prev.at = now;
          return;
        }
      }
      const name = `${meta.name ?? 'unknown'}.${(BigInt(now) * 1_000_000n + BigInt(++this.counter % 1_000_000)).toString(16)}`;
      const ev: Event = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: {
          apiVersion: involved.apiVersion,
          kind: involved.kind,
          name: meta.name,
          namespace: meta.namespace,
          uid: meta.uid,
          resourceVersion: meta.resourceVersion,
          ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}),
        },
        reason: e.reason,
        message: e.message,
        type: e.type,
        source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
        firstTimestamp: toRfc3339(now),
        lastTimestamp: toRfc3339(now),
        count: 1,
      };
      this.client.create('events', ev as unknown as KubeObject);
      this.seen.set(key, { name, namespace, at: now });
      this.clock.after(EVENT_TTL_MS, () => {
        this.client.delete('events', namespace, name);
        const s = this.seen.get(key);
        if (s?.name === name) this.seen.delete(key);
      });
    } catch (err) {
      // Losing an event must never break the component that reports it, as in client-go.
      console.error(`[events] could not record ${e.reason} for ${meta.name ?? ''}:`, (err as Error).message);
    }
  }
}
