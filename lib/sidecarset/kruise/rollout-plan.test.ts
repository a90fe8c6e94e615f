import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podCopy, setReady } from '../fixtures/pods';
import { sidecarSetV2, timelinePods } from '../fixtures/timeline-pods';
import { maxUnavailableReplicas, partitionReplicas } from './int-or-percent';
import { sortUpdateIndexes, trailingInt } from './pod-order';
import { planRollout } from './rollout-plan';
import { scatterSort } from './scatter-sort';

const t = timelinePods();
const [a, b, c] = [podCopy(t.T0, 'a', 5), podCopy(t.T0, 'b', 6), podCopy(t.T0, 'c', 7)];

describe('int-or-percent (spec §4.3, §4.4)', () => {
  it('resolves partition like CalculatePartitionReplicas', () => {
    expect(partitionReplicas(undefined, 3).value).toBe(0);
    expect(partitionReplicas(2, 3).value).toBe(2);
    expect(partitionReplicas(5, 3).value).toBe(3);
    expect(partitionReplicas('50%', 3).value).toBe(2);
    expect(partitionReplicas('1%', 3).value).toBe(1);
    expect(partitionReplicas('99%', 3).value).toBe(2);
    expect(partitionReplicas('100%', 3).value).toBe(3);
    expect(partitionReplicas('abc', 3)).toEqual({ value: 0, invalid: true });
  });

  it('resolves maxUnavailable rounding up, default 1', () => {
    expect(maxUnavailableReplicas(undefined, 10).value).toBe(1);
    expect(maxUnavailableReplicas('5%', 6).value).toBe(1);
    expect(maxUnavailableReplicas('50%', 3).value).toBe(2);
    expect(maxUnavailableReplicas(0, 3).value).toBe(0);
    expect(maxUnavailableReplicas('2', 3).invalid).toBe(true);
  });
});

describe('planRollout', () => {
  it('upgrades one pod at a time with maxUnavailable 1, newest pod first', () => {
    const plan = planRollout(sidecarSetV2(), [a, b, c]);
    expect(plan.waiting).toEqual(['uid-c', 'uid-b', 'uid-a']);
    expect(plan.next).toEqual(['uid-c']);
    expect(plan.queued).toEqual(['uid-b', 'uid-a']);
    expect(plan.budgetExhausted).toBe(true);
  });

  it('an in-flight pod holds the budget; a not-ready pod is taken without it', () => {
    const inFlight = podCopy(t.T1, 'a', 5);
    let plan = planRollout(sidecarSetV2(), [inFlight, b, c]);
    expect(plan.unavailable).toBe(1);
    expect(plan.next).toEqual([]);
    expect(plan.queued).toEqual(['uid-c', 'uid-b']);
    plan = planRollout(sidecarSetV2(), [inFlight, setReady(b, false), c]);
    expect(plan.next).toEqual(['uid-b']);
    expect(plan.queued).toEqual(['uid-c']);
  });

  it('keeps the last `partition` waiting pods', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { partition: 2 };
    const plan = planRollout(ss, [a, b, c]);
    expect(plan.next).toEqual(['uid-c']);
    expect(plan.heldByPartition).toEqual(['uid-b', 'uid-a']);
    ss.spec.updateStrategy = { partition: '100%' };
    expect(planRollout(ss, [a, b, c]).next).toEqual([]);
  });

  it('sorts out pods outside updateStrategy.selector and NotUpgradable pods', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { selector: { matchLabels: { canary: 'true' } } };
    const canary = podCopy(t.T0, 'd', 1, { canary: 'true' });
    const plan = planRollout(ss, [a, canary]);
    expect(plan.notSelected).toEqual(['uid-a']);
    expect(plan.next).toEqual(['uid-d']);
    const edited = sidecarSetV2();
    (edited.metadata.annotations ?? {})['kruise.io/sidecarset-hash-without-image'] = 'other';
    expect(planRollout(edited, [a, b]).notUpgradable).toEqual(['uid-a', 'uid-b']);
  });

  it('skips pods with a ready-but-inconsistent slot (an earlier update still in flight)', () => {
    const ss = sidecarSetV2();
    (ss.metadata.annotations ?? {})['kruise.io/sidecarset-hash'] = 'v3';
    expect(planRollout(ss, [podCopy(t.T1, 'a', 5)]).skippedInFlight).toEqual(['uid-a']);
  });
});

describe('update order (spec §4.2)', () => {
  const labelled = (name: string, minute: number, labels: Record<string, string>): Pod => podCopy(t.T0, name, minute, labels);

  it('ActivePods: unscheduled, not-ready and newer pods first', () => {
    const scheduled = (p: Pod): Pod => ({ ...p, spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: 'n1' } });
    const old = scheduled(podCopy(t.T0, 'old', 1));
    const notReady = scheduled(setReady(podCopy(t.T0, 'notready', 2), false));
    const newer = scheduled(podCopy(t.T0, 'newer', 3));
    const unscheduled = podCopy(t.T0, 'unscheduled', 0);
    expect(sortUpdateIndexes(undefined, [old, notReady, newer, unscheduled], [0, 1, 2, 3])).toEqual([3, 1, 2, 0]);
  });

  it('weightPriority puts the heaviest first; orderPriority the largest trailing number, key-less first', () => {
    const pods = [labelled('p0', 1, { prio: 'low' }), labelled('p1', 1, { prio: 'high' }), labelled('p2', 1, {})];
    expect(
      sortUpdateIndexes(
        { priorityStrategy: { weightPriority: [{ weight: 50, matchSelector: { matchLabels: { prio: 'high' } } }] } },
        pods,
        [0, 1, 2],
      ),
    ).toEqual([1, 0, 2]);
    const ordered = [labelled('s1', 1, { sts: 'sts-1' }), labelled('s10', 1, { sts: 'sts-10' }), labelled('none', 1, {})];
    expect(sortUpdateIndexes({ priorityStrategy: { orderPriority: [{ orderedKey: 'sts' }] } }, ordered, [0, 1, 2])).toEqual([2, 1, 0]);
    expect(trailingInt('sts-10')).toBe(10);
    expect(trailingInt('abc')).toBe(0);
  });

  it('scatter: 3 of 10 pods with foo=bar land at positions 1, 6 and 10 (Kruise docs)', () => {
    const pods = Array.from({ length: 10 }, (_, i) => labelled(`p${i}`, 1, i < 3 ? { foo: 'bar' } : {}));
    const order = scatterSort([{ key: 'foo', value: 'bar' }], pods, [...pods.keys()]);
    const positions = order.flatMap((idx, pos) => (idx < 3 ? [pos + 1] : []));
    expect(positions).toEqual([1, 6, 10]);
  });

  it('scatter expands value "*" to every value present', () => {
    const pods = Array.from({ length: 6 }, (_, i) => labelled(`p${i}`, 1, { zone: i < 3 ? 'a' : 'b' }));
    const order = scatterSort([{ key: 'zone', value: '*' }], pods, [...pods.keys()]);
    expect(order).toHaveLength(6);
    expect(new Set(order).size).toBe(6);
  });
});
