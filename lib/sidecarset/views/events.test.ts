import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { containerFromFieldPath, eventCount, eventIsAboutPod, failureEventPredicate } from './events';
import { samplePod } from '../fixtures/samples';
import { timelineEvents } from '../fixtures/timeline-pods';

describe('events', () => {
  it('extracts the container from a fieldPath', () => {
    expect(containerFromFieldPath('spec.containers{sidecar-2}')).toBe('sidecar-2');
    expect(containerFromFieldPath('spec.initContainers{init}')).toBe('init');
    expect(containerFromFieldPath('spec.containers[2]')).toBeUndefined();
    expect(containerFromFieldPath(undefined)).toBeUndefined();
  });

  it('matches events to pods by uid, else by name', () => {
    const [e] = timelineEvents();
    const pod = samplePod();
    expect(e && eventIsAboutPod(e, pod)).toBe(true);
    const recreated = { ...pod, metadata: { ...pod.metadata, uid: 'another' } };
    expect(e && eventIsAboutPod(e, recreated)).toBe(false);
    expect(e && eventCount({ ...e, series: { count: 4 } })).toBe(4);
  });

  it('finds failure events since a time', () => {
    const [first] = timelineEvents();
    if (!first) throw new Error('fixture');
    const fail: Event = { ...first, reason: 'FailedPostStartHook', lastTimestamp: '2026-07-20T09:00:30Z' };
    const pred = failureEventPredicate([fail], samplePod());
    expect(pred('sidecar-2', Date.parse('2026-07-20T09:00:00Z'))).toBe(true);
    expect(pred('sidecar-2', Date.parse('2026-07-20T09:01:00Z'))).toBe(false);
    expect(pred('sidecar-1', undefined)).toBe(false);
  });
});
