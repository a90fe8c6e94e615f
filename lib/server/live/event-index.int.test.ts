/**
 * EventIndex fed by a real session's events cache: pod Events by pod uid, from what the cache held at start and
 * from the watch after, updated in place, removed with their Event, and nothing about other kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { V1Pod } from '@kubernetes/client-node';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import { EventIndex } from './event-index';
import { createIdlePod, createPodEvent, startSessionCluster, type SessionCluster } from '../dashboard.testkit';

let c: SessionCluster;
let p1: V1Pod;
let p2: V1Pod;
let index: EventIndex;
/** What the index reported through onPodEvent, by Event name. */
const reported: string[] = [];

const names = (evs: Event[]): string[] => evs.map((e) => e.metadata?.name ?? '');

beforeAll(async () => {
  c = await startSessionCluster({ scenario: 'empty' });
  p1 = await createIdlePod(c.t, 'ei-1');
  p2 = await createIdlePod(c.t, 'ei-2');
  await createPodEvent(c.t, p1, { name: 'ei-1.before' });
  await waitFor('the early Event in the cache', () => c.session.events.get('default/ei-1.before'));
  index = new EventIndex(c.session, (ev) => reported.push(ev.metadata?.name ?? ''));
});
afterAll(async () => {
  index?.stop();
  await c?.stop();
});

describe('EventIndex', () => {
  it('starts from the Events the cache already holds, without reporting them', () => {
    expect(names(index.forPod(p1.metadata?.uid))).toEqual(['ei-1.before']);
    expect(reported).toEqual([]);
  });

  it('adds each new pod Event under its pod\'s uid and reports it', async () => {
    await createPodEvent(c.t, p1, { name: 'ei-1.live', reason: 'Started', container: 'app' });
    await createPodEvent(c.t, p2, { name: 'ei-2.live' });
    await waitFor('both indexed', () => index.forPod(p2.metadata?.uid).length === 1 && index.forPod(p1.metadata?.uid).length === 2);
    expect(names(index.forPod(p1.metadata?.uid))).toEqual(['ei-1.before', 'ei-1.live']);
    expect(names(index.forPod(p2.metadata?.uid))).toEqual(['ei-2.live']);
    expect(reported).toEqual(['ei-1.live', 'ei-2.live']);
    expect(index.forPod(undefined)).toEqual([]);
    expect(index.forPod('no-such-uid')).toEqual([]);
  });

  it('replaces an Event that changes (a repeat bumps its count) instead of adding it twice', async () => {
    await c.t.core.patchNamespacedEvent(
      { namespace: 'default', name: 'ei-2.live', body: { count: 3 } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await waitFor('the new count', () => index.forPod(p2.metadata?.uid)[0]?.count === 3);
    expect(names(index.forPod(p2.metadata?.uid))).toEqual(['ei-2.live']);
  });

  it('ignores Events about other kinds and pod Events without a uid', async () => {
    await c.t.core.createNamespacedEvent({
      namespace: 'default',
      body: { metadata: { name: 'node-x.event' }, involvedObject: { kind: 'Node', name: 'node-x', uid: p1.metadata?.uid }, reason: 'NodeReady', type: 'Normal' },
    });
    await createPodEvent(c.t, { metadata: { name: 'ei-1', namespace: 'default' } }, { name: 'ei-1.no-uid' });
    await waitFor('both in the cache', () => c.session.events.get('default/node-x.event') && c.session.events.get('default/ei-1.no-uid'));
    // A Node sharing a pod's uid cannot happen, which is what makes this a check of the kind filter.
    expect(names(index.forPod(p1.metadata?.uid))).toEqual(['ei-1.before', 'ei-1.live']);
    expect(reported).not.toContain('node-x.event');
  });

  it('drops an Event when it is deleted, and the pod when its last Event goes', async () => {
    await c.t.core.deleteNamespacedEvent({ namespace: 'default', name: 'ei-1.before' });
    await waitFor('one left', () => index.forPod(p1.metadata?.uid).length === 1);
    expect(names(index.forPod(p1.metadata?.uid))).toEqual(['ei-1.live']);
    await c.t.core.deleteNamespacedEvent({ namespace: 'default', name: 'ei-1.live' });
    await waitFor('none left', () => index.forPod(p1.metadata?.uid).length === 0);
  });

  it('forgets a pod on request, and stops following the cache when stopped', async () => {
    index.forgetPod(p2.metadata?.uid ?? '');
    expect(index.forPod(p2.metadata?.uid)).toEqual([]);
    index.stop();
    await createPodEvent(c.t, p2, { name: 'ei-2.after-stop' });
    await waitFor('the Event in the cache', () => c.session.events.get('default/ei-2.after-stop'));
    expect(index.forPod(p2.metadata?.uid)).toEqual([]);
  });
});
