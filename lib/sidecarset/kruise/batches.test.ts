import { describe, expect, it } from 'vitest';
import { podCopy, setReady } from '../fixtures/pods';
import { sidecarSetV2, timelinePods } from '../fixtures/timeline-pods';
import { rolloutBatches } from './batches';
import { planRollout } from './rollout-plan';

const t = timelinePods();
const pods = Array.from({ length: 7 }, (_, i) => podCopy(t.T0, `p${i}`, i));

describe('rolloutBatches', () => {
  it('batch 0 is exactly the next pass, then maxUnavailable at a time, newest pod first', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { maxUnavailable: 2 };
    const plan = planRollout(ss, pods);
    const b = rolloutBatches(plan);
    expect(b.batches[0]).toEqual(plan.next);
    expect(b.batches).toEqual([['uid-p6', 'uid-p5'], ['uid-p4', 'uid-p3'], ['uid-p2', 'uid-p1'], ['uid-p0']]);
    expect(b.held).toEqual([]);
    expect(b.advanceTo).toBeUndefined();
  });

  it('the partition holds the last pods back, and Advance lowers it by one batch', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { maxUnavailable: 2, partition: 5 };
    const b = rolloutBatches(planRollout(ss, pods));
    expect(b.batches).toEqual([['uid-p6', 'uid-p5']]);
    expect(b.held).toEqual(['uid-p4', 'uid-p3', 'uid-p2', 'uid-p1', 'uid-p0']);
    expect(b.advanceTo).toBe(3);
    ss.spec.updateStrategy = { maxUnavailable: 2, partition: 1 };
    expect(rolloutBatches(planRollout(ss, pods)).advanceTo).toBe(0);
  });

  it('a not-ready pod joins the next batch without using the budget; maxUnavailable 0 blocks the rest', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { maxUnavailable: 0 };
    const withNotReady = [...pods.slice(0, 6), setReady(pods[6]!, false)];
    const b = rolloutBatches(planRollout(ss, withNotReady));
    expect(b.batches).toEqual([['uid-p6']]);
    expect(b.blocked).toHaveLength(6);
  });
});
