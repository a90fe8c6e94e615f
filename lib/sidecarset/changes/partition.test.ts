import { describe, expect, it } from 'vitest';
import { sidecarSetV2 } from '../fixtures/timeline-pods';
import { buildPartitionPatch, partitionProblem, partitionRequestSchema } from './partition';

describe('partition requests', () => {
  it('take a count or an integer percentage 0-100, nothing else', () => {
    for (const ok of [0, 2, 1000, '0%', '5%', '50%', '100%']) expect(partitionRequestSchema.safeParse({ partition: ok }).success, String(ok)).toBe(true);
    for (const bad of [-1, 1.5, '101%', '50', '5 %', '-5%', '050%', 'abc', true, null, '']) {
      expect(partitionRequestSchema.safeParse({ partition: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(partitionRequestSchema.safeParse({ partition: 1, extra: 1 }).success).toBe(false);
    expect(partitionRequestSchema.safeParse({ partition: 1, fromPartition: null }).success).toBe(true);
  });

  it('refuse a count above the pods of the SidecarSet, but not a percentage', () => {
    expect(partitionProblem(4, 3)).toMatch(/more than the 3 pod/);
    expect(partitionProblem(3, 3)).toBeUndefined();
    expect(partitionProblem('100%', 3)).toBeUndefined();
  });
});

describe('buildPartitionPatch', () => {
  it('tests the partition the user saw, then replaces it', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { partition: 3, maxUnavailable: 1 };
    expect(buildPartitionPatch(ss, 1, 2)).toEqual([
      { op: 'test', path: '/spec/updateStrategy/partition', value: 2 },
      { op: 'replace', path: '/spec/updateStrategy/partition', value: 1 },
    ]);
    expect(buildPartitionPatch(ss, '50%')[0]).toEqual({ op: 'test', path: '/spec/updateStrategy/partition', value: 3 });
  });

  it('with no partition yet, tests the strategy it saw and adds one', () => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = { maxUnavailable: 1 };
    expect(buildPartitionPatch(ss, 2)).toEqual([
      { op: 'test', path: '/spec/updateStrategy', value: { maxUnavailable: 1 } },
      { op: 'add', path: '/spec/updateStrategy/partition', value: 2 },
    ]);
    delete ss.spec.updateStrategy;
    expect(buildPartitionPatch(ss, 2)).toEqual([
      { op: 'add', path: '/spec/updateStrategy', value: {} },
      { op: 'add', path: '/spec/updateStrategy/partition', value: 2 },
    ]);
  });
});
