import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { startedEventPredicate } from '../views/events';
import { sidecarSetV2, STEPS, stepMs, timelineEvents, timelinePods } from '../fixtures/timeline-pods';
import type { Step } from '../fixtures/timeline-pods';
import { diffPodSnapshots, eventToTimelineEntry } from './diff';
import type { TimelineEntry } from './diff';

const t = timelinePods();
const ss = sidecarSetV2();

function diffsUpTo(last: Step): TimelineEntry[][] {
  const steps = STEPS.slice(0, STEPS.indexOf(last) + 1);
  return steps.map((s, i) => diffPodSnapshots(i === 0 ? undefined : t[steps[i - 1] as Step], t[s], ss, stepMs(s)));
}

const brief = (e: TimelineEntry): string => `${e.kind}:${'sidecar' in e ? e.sidecar : (e.container ?? '')}`;

describe('diffPodSnapshots over T0..T5', () => {
  const [t0, t1, t2, t3, t4, t5] = diffsUpTo('T5');

  it('emits a baseline for the first snapshot', () => {
    expect(t0?.map(brief)).toEqual([
      'assigned:',
      'specImage:sidecar-1',
      'specImage:sidecar-2',
      'specImage:busybox',
      'workingSlot:sidecar',
      'state:busybox', 'statusImage:busybox', 'imageID:busybox', 'ready:busybox',
      'state:sidecar-1', 'statusImage:sidecar-1', 'imageID:sidecar-1', 'ready:sidecar-1',
      'state:sidecar-2', 'statusImage:sidecar-2', 'imageID:sidecar-2', 'ready:sidecar-2',
      'podReady:',
      'phase:sidecar',
    ]);
    expect(t0?.find((e) => e.kind === 'phase')).toMatchObject({ to: 'Pending', from: undefined });
  });

  it('T1 (controller write): new image in the empty slot, working slot flips at once, NewStarting', () => {
    expect(t1?.map(brief)).toEqual(['assigned:', 'specImage:sidecar-2', 'workingSlot:sidecar', 'phase:sidecar']);
    expect(t1?.[1]).toMatchObject({
      kind: 'specImage',
      from: 'openkruise/hotupgrade-sample:empty',
      to: 'openkruise/hotupgrade-sample:sidecarv2',
      toEmptyImage: false,
    });
    expect(t1?.[2]).toMatchObject({ kind: 'workingSlot', from: 'sidecar-1', to: 'sidecar-2' });
    expect(t1?.[3]).toMatchObject({ kind: 'phase', from: 'Pending', to: 'NewStarting' });
  });

  it('T2: nothing changes on the pod while postStart blocks', () => {
    expect(t2).toEqual([]);
  });

  it('T3 (kubelet): restart marker, running and ready on the new image, ReadyToReset', () => {
    expect(t3?.map(brief)).toEqual([
      'restart:sidecar-2',
      'state:sidecar-2',
      'statusImage:sidecar-2',
      'imageID:sidecar-2',
      'ready:sidecar-2',
      'servingSlot:sidecar',
      'phase:sidecar',
    ]);
    expect(t3?.[0]).toMatchObject({ from: 0, to: 1, lastExitCode: 143 });
    expect(t3?.[1]).toMatchObject({ to: { state: 'running', startedAtMs: stepMs('T3') } });
    expect(t3?.[4]).toMatchObject({ to: true, newInstance: true, text: 'sidecar-2 ready (new container)' });
    // The annotation flipped at T1; the new slot only serves once it runs its image and is ready.
    expect(t3?.[5]).toMatchObject({ kind: 'servingSlot', from: 'sidecar-1', to: 'sidecar-2' });
    expect(t3?.[6]).toMatchObject({ from: 'NewStarting', to: 'ReadyToReset' });
  });

  it('T4 (controller reset): the old slot goes to the empty image; T5: Done', () => {
    expect(t4?.map(brief)).toEqual(['specImage:sidecar-1', 'phase:sidecar']);
    expect(t4?.[0]).toMatchObject({ to: 'openkruise/hotupgrade-sample:empty', toEmptyImage: true });
    expect(t4?.[1]).toMatchObject({ from: 'ReadyToReset', to: 'ResettingOld' });
    expect(t5?.map(brief)).toEqual([
      'restart:sidecar-1', 'state:sidecar-1', 'statusImage:sidecar-1', 'imageID:sidecar-1', 'ready:sidecar-1', 'phase:sidecar',
    ]);
    expect(t5?.at(-1)).toMatchObject({ from: 'ResettingOld', to: 'Done' });
  });

  it('orders the whole upgrade: new image, flip, restart, ready, reset to empty', () => {
    const flat = [t1, t2, t3, t4, t5].flat().filter((e): e is TimelineEntry => e !== undefined);
    const idx = (pred: (e: TimelineEntry) => boolean) => flat.findIndex(pred);
    const specNew = idx((e) => e.kind === 'specImage' && e.container === 'sidecar-2');
    const flip = idx((e) => e.kind === 'workingSlot');
    const restart = idx((e) => e.kind === 'restart' && e.container === 'sidecar-2');
    const ready = idx((e) => e.kind === 'ready' && e.container === 'sidecar-2' && e.to);
    const reset = idx((e) => e.kind === 'specImage' && e.container === 'sidecar-1' && e.toEmptyImage);
    expect([specNew, flip, restart, ready, reset].every((i) => i >= 0)).toBe(true);
    expect(specNew < flip && flip < restart && restart < ready && ready < reset).toBe(true);
    // What a user watches for: new image, restart, running and ready, the serving flip, old slot emptied.
    const serving = idx((e) => e.kind === 'servingSlot' && e.to === 'sidecar-2');
    expect(restart < ready && ready < serving && serving < reset).toBe(true);
    expect(flat.filter((e) => e.kind === 'phase').map((e) => (e.kind === 'phase' ? e.to : ''))).toEqual([
      'NewStarting', 'ReadyToReset', 'ResettingOld', 'Done',
    ]);
  });

  it('gives stable, unique ids', () => {
    const again = diffPodSnapshots(t.T2, t.T3, ss, stepMs('T3'));
    expect(again.map((e) => e.id)).toEqual(t3?.map((e) => e.id));
    const all = [t0, t1, t3, t4, t5].flat().map((e) => e?.id);
    expect(new Set(all).size).toBe(all.length);
    expect(t3?.[0]?.id).toBe('0d3c8f7a-2b1e-4c55-9f0e-5a6b7c8d9e01/3002/restart/sidecar-2');
  });

  it('uses event hints and the recorded previous phase: NewStarting -> Migrating at T2', () => {
    const entries = diffPodSnapshots(t.T1, t.T2, ss, stepMs('T2'), {
      hasStartedEventSince: startedEventPredicate(timelineEvents(), t.T2),
      previousPhases: { sidecar: 'NewStarting' },
    });
    expect(entries.map(brief)).toEqual(['phase:sidecar']);
    expect(entries[0]).toMatchObject({ from: 'NewStarting', to: 'Migrating' });
    // Same pod resourceVersion as T1's NewStarting entry, yet a distinct id.
    expect(entries[0]?.id).not.toBe(t1?.find((e) => e.kind === 'phase')?.id);
  });
});

describe('eventToTimelineEntry', () => {
  const events = timelineEvents();

  it('keys kubelet events to the container through fieldPath', () => {
    expect(eventToTimelineEntry(events[0] as Event)).toMatchObject({
      kind: 'event',
      id: 'ev/e1/1',
      atMs: Date.parse('2026-07-20T09:00:01Z'),
      subject: { kind: 'Pod', name: 'busybox-7d9f8c6b5-x2k9p', namespace: 'default' },
      container: 'sidecar-2',
      reason: 'Killing',
      stage: 'kill',
      component: 'kubelet',
      text: 'Killing sidecar-2: Container sidecar-2 definition changed, will be restarted',
    });
    expect(eventToTimelineEntry(events[4] as Event)).toMatchObject({ stage: 'started', severity: 'progress' });
  });

  it('maps Kruise events, and repeated events get a new id per count', () => {
    expect(eventToTimelineEntry(events[5] as Event)).toMatchObject({ reason: 'ResetContainerSucceed', stage: 'reset', container: undefined });
    const notUpgradable: Event = {
      metadata: { uid: 'n1', name: 'hotupgrade-sidecarset.n1' },
      involvedObject: { kind: 'SidecarSet', name: 'hotupgrade-sidecarset', apiVersion: 'apps.kruise.io/v1beta1' },
      reason: 'NotUpgradablePods',
      type: 'Normal',
      message: 'SidecarSet in-place update detected 2 not upgradable pod(s) in this round, will skip them.',
      count: 3,
      lastTimestamp: '2026-07-20T09:10:00Z',
    };
    expect(eventToTimelineEntry(notUpgradable)).toMatchObject({
      id: 'ev/n1/3',
      subject: { kind: 'SidecarSet', name: 'hotupgrade-sidecarset' },
      stage: 'notUpgradable',
      severity: 'warning',
      count: 3,
    });
    const backoff: Event = { ...(events[0] as Event), reason: 'BackOff', type: 'Warning', eventTime: '2026-07-20T09:00:09.123456Z', lastTimestamp: undefined, firstTimestamp: undefined };
    expect(eventToTimelineEntry(backoff)).toMatchObject({ stage: 'backoff', severity: 'error', atMs: Date.parse('2026-07-20T09:00:09.123Z') });
  });

  it('drops events without a time', () => {
    const e: Event = { metadata: {}, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Pulled' };
    expect(eventToTimelineEntry(e)).toBeUndefined();
  });
});
