import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { calculateMaxUnavailable, calculatePartitionReplicas } from './intstr';
import { planSidecarSetReconcile } from './reconcile-plan';
import { getNextUpgradePods } from './strategy';
import type { SidecarSet, SidecarSetUpdateStrategy } from './types';
import { activePodsLess, sortUpdateIndexes } from './update-sort';

const HASH = 'new-hash';
const NO_IMAGE = 'no-image-hash';

function sidecarSet(updateStrategy: SidecarSetUpdateStrategy = {}): SidecarSet {
  return {
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'SidecarSet',
    metadata: { name: 'log', annotations: { 'kruise.io/sidecarset-hash': HASH, 'kruise.io/sidecarset-hash-without-image': NO_IMAGE } },
    spec: { selector: { matchLabels: { app: 'web' } }, containers: [{ name: 'log', image: 'log:2' }], updateStrategy },
  };
}

interface PodOpts {
  hash?: string;
  noImage?: string;
  ready?: boolean;
  labels?: Record<string, string>;
  created?: string;
  node?: string;
}

function pod(name: string, o: PodOpts = {}): Pod {
  const entry = (hash: string): string => JSON.stringify({ log: { updateTimestamp: null, hash, sidecarSetName: 'log', sidecarList: ['log'] } });
  return {
    metadata: {
      name, namespace: 'default', labels: { app: 'web', ...o.labels }, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      annotations: {
        'kruise.io/sidecarset-injected-list': 'log',
        'kruise.io/sidecarset-hash': entry(o.hash ?? 'old-hash'),
        'kruise.io/sidecarset-hash-without-image': entry(o.noImage ?? NO_IMAGE),
      },
    },
    spec: { nodeName: o.node ?? 'node-1', containers: [{ name: 'app', image: 'app:1' }, { name: 'log', image: 'log:1' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
      containerStatuses: [
        { name: 'app', image: 'app:1', imageID: 'app@sha256:1', ready: true, restartCount: 0 },
        { name: 'log', image: 'log:1', imageID: 'log@sha256:1', ready: o.ready !== false, restartCount: 0 },
      ],
    },
  };
}

const podNames = (pods: Pod[]): string[] => pods.map((p) => p.metadata?.name ?? '');
const many = (n: number, o: PodOpts = {}): Pod[] => Array.from({ length: n }, (_, i) => pod(`p${i}`, o));

describe('partition and maxUnavailable arithmetic (spec §4.3, §4.4)', () => {
  it('rounds partition percentages up, keeps one old pod for >0% and upgrades one for <100%', () => {
    expect(calculatePartitionReplicas(undefined, 6)).toBe(0);
    expect(calculatePartitionReplicas(2, 6)).toBe(2);
    expect(calculatePartitionReplicas(10, 6)).toBe(6);
    expect(calculatePartitionReplicas('10%', 6)).toBe(1);
    expect(calculatePartitionReplicas('1%', 6)).toBe(1);
    expect(calculatePartitionReplicas('99%', 6)).toBe(5);
    expect(calculatePartitionReplicas('100%', 6)).toBe(6);
    expect(calculatePartitionReplicas('0%', 6)).toBe(0);
    expect(calculatePartitionReplicas('99%', 1)).toBe(1);
    expect(calculatePartitionReplicas('abc', 6)).toBe(0);
  });

  it('rounds maxUnavailable percentages up (5% of 6 is 1) and defaults to 1', () => {
    expect(calculateMaxUnavailable('5%', 6)).toBe(1);
    expect(calculateMaxUnavailable('50%', 5)).toBe(3);
    expect(calculateMaxUnavailable(undefined, 6)).toBe(1);
    expect(calculateMaxUnavailable(0, 6)).toBe(0);
  });
});

describe('getNextUpgradePods (spec §4)', () => {
  it('100 pods, partition 80, maxUnavailable 30: all 20 go at once', () => {
    const next = getNextUpgradePods(sidecarSet({ partition: 80, maxUnavailable: 30 }), many(100));
    expect(next.upgrade).toHaveLength(20);
    expect(next.waiting).toHaveLength(100);
  });

  it('5% of 6 pods upgrades one pod at a time', () => {
    expect(getNextUpgradePods(sidecarSet({ maxUnavailable: '5%' }), many(6)).upgrade).toHaveLength(1);
  });

  it('counts updated-but-unavailable pods against the budget; not-ready pods are always taken for free', () => {
    const pods = [pod('updated-not-ready', { hash: HASH, ready: false }), pod('a'), pod('b'), pod('sick', { ready: false })];
    expect(podNames(getNextUpgradePods(sidecarSet({ maxUnavailable: 2 }), pods).upgrade)).toEqual(['sick', 'a']);
    expect(podNames(getNextUpgradePods(sidecarSet({ maxUnavailable: 0 }), pods).upgrade)).toEqual(['sick']);
  });

  it('partition is measured against the waiting list, from its end', () => {
    const pods = [pod('a', { created: '2026-01-01T00:00:03Z' }), pod('b', { created: '2026-01-01T00:00:02Z' }), pod('c', { created: '2026-01-01T00:00:01Z' })];
    const next = getNextUpgradePods(sidecarSet({ partition: 1, maxUnavailable: 5 }), pods);
    expect(podNames(next.waiting)).toEqual(['a', 'b', 'c']); // newer first
    expect(podNames(next.upgrade)).toEqual(['a', 'b']);
  });

  it('puts non-image changes on the NotUpgradable list and skips ready-but-inconsistent pods', () => {
    const inFlight = pod('in-flight');
    inFlight.metadata = {
      ...inFlight.metadata,
      annotations: {
        ...inFlight.metadata?.annotations,
        'kruise.io/sidecarset-inplace-update-state': '{"log":{"revision":"x","updateTimestamp":null,"lastContainerStatuses":{"log":{"imageID":"log@sha256:1"}}}}',
      },
    };
    // Spec already changed, kubelet has not restarted the container yet.
    inFlight.spec = { containers: [{ name: 'app', image: 'app:1' }, { name: 'log', image: 'log:1.5' }] };
    const next = getNextUpgradePods(sidecarSet({ maxUnavailable: 10 }), [pod('ok'), pod('changed', { noImage: 'other' }), inFlight]);
    expect(podNames(next.upgrade)).toEqual(['ok']);
    expect(podNames(next.notUpgradable)).toEqual(['changed']);
  });

  it('upgrades only pods selected by updateStrategy.selector', () => {
    const pods = [pod('a', { labels: { canary: 'true' } }), pod('b')];
    const next = getNextUpgradePods(sidecarSet({ maxUnavailable: 5, selector: { matchLabels: { canary: 'true' } } }), pods);
    expect(podNames(next.upgrade)).toEqual(['a']);
  });
});

describe('update order (spec §4.2)', () => {
  it('ActivePods: unscheduled, pending, not-ready, restarting and newer pods first', () => {
    expect(activePodsLess(pod('x', { node: '' }), pod('y'))).toBe(true);
    expect(activePodsLess(pod('x', { ready: false }), pod('y'))).toBe(true);
    expect(activePodsLess(pod('x', { created: '2026-02-01T00:00:00Z' }), pod('y'))).toBe(true);
    expect(activePodsLess(pod('y'), pod('x', { created: '2026-02-01T00:00:00Z' }))).toBe(false);
  });

  it('weightPriority: heavier first; orderPriority: key-less first, then by level and larger suffix', () => {
    const pods = [pod('a', { labels: { tier: 'low' } }), pod('b', { labels: { tier: 'high' } }), pod('c')];
    const weight = sortUpdateIndexes({
      priorityStrategy: { weightPriority: [{ weight: 50, matchSelector: { matchLabels: { tier: 'high' } } }, { weight: 10, matchSelector: { matchLabels: { tier: 'low' } } }] },
    }, pods, [0, 1, 2]);
    expect(weight).toEqual([1, 0, 2]);
    const ordered = [pod('k1-2', { labels: { k1: 'sts-2' } }), pod('none'), pod('k2-9', { labels: { k2: '9' } }), pod('k1-10', { labels: { k1: 'sts-10' } })];
    expect(sortUpdateIndexes({ priorityStrategy: { orderPriority: [{ orderedKey: 'k1' }, { orderedKey: 'k2' }] } }, ordered, [0, 1, 2, 3]))
      .toEqual([1, 3, 0, 2]);
  });

  it('scatter: 3 of 10 pods with foo=bar land at positions 1, 6 and 10', () => {
    const pods = Array.from({ length: 10 }, (_, i) => pod(`p${i}`, { labels: i < 3 ? { foo: 'bar' } : {} }));
    const order = sortUpdateIndexes({ scatterStrategy: [{ key: 'foo', value: 'bar' }] }, pods, pods.map((_, i) => i));
    const positions = order.map((idx, pos) => (idx < 3 ? pos + 1 : 0)).filter(Boolean);
    expect(positions).toEqual([1, 6, 10]);
  });

  it('scatter: value "*" expands to every value on the pods', () => {
    const pods = Array.from({ length: 6 }, (_, i) => pod(`p${i}`, { labels: { zone: i < 3 ? 'a' : 'b' } }));
    const order = sortUpdateIndexes({ scatterStrategy: [{ key: 'zone', value: '*' }] }, pods, pods.map((_, i) => i));
    const zones = order.map((i) => pods[i]?.metadata?.labels?.zone);
    expect(zones).not.toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(order.slice().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('planSidecarSetReconcile (spec §3.1)', () => {
  it('stops for NotUpdate and paused, after computing the status', () => {
    const pods = many(2);
    expect(planSidecarSetReconcile(sidecarSet({ type: 'NotUpdate' }), pods, { latestRevision: 'r' })).toMatchObject({
      stop: 'NotUpdate', upgradePods: [], status: { matchedPods: 2, updatedPods: 0, readyPods: 2 },
    });
    expect(planSidecarSetReconcile(sidecarSet({ paused: true }), pods, { latestRevision: 'r' }).stop).toBe('Paused');
    const plan = planSidecarSetReconcile(sidecarSet(), pods, { latestRevision: 'r' });
    expect(plan.stop).toBe('Upgrade');
    expect(plan.upgradePods).toHaveLength(1);
    expect(planSidecarSetReconcile(sidecarSet(), many(2, { hash: HASH }), { latestRevision: 'r' }).stop).toBe('AllUpdated');
  });
});
