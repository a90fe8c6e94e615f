import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '@/lib/sidecarset/verdict';
import { probeLane } from './probe';

const ok = (atMs: number, version: string): ProbeSample => ({ atMs, ok: true, latencyMs: 20, version });
const fail = (atMs: number): ProbeSample => ({ atMs, ok: false, latencyMs: 5, error: 'EOF' });

describe('probe lane', () => {
  it('merges samples into spans per version and marks the switch', () => {
    const lane = probeLane([ok(0, 'v1'), ok(200, 'v1'), ok(400, 'v2'), ok(600, 'v2')], 200);
    expect(lane.spans.map((s) => `${s.startMs}-${s.endMs} ${s.ok ? s.version : 'failed'} x${s.count}`)).toEqual(['0-400 v1 x2', '400-800 v2 x2']);
    expect(lane.switches).toEqual([{ atMs: 400, from: 'v1', to: 'v2' }]);
  });

  it('keeps failures as their own spans, and never bridges a silence as success', () => {
    const lane = probeLane([ok(0, 'v1'), fail(200), fail(400), ok(600, 'v2'), ok(5000, 'v2')], 200);
    expect(lane.spans.map((s) => `${s.startMs}-${s.endMs} ${s.ok ? s.version : 'failed'} x${s.count}`)).toEqual([
      '0-200 v1 x1',
      '200-600 failed x2',
      '600-800 v2 x1',
      '5000-5200 v2 x1',
    ]);
    expect(lane.spans[1]?.errors).toEqual(['EOF']);
    expect(lane.failed).toBe(2);
  });
});
