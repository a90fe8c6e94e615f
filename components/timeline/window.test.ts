import { describe, expect, it } from 'vitest';
import type { Band } from './bands';
import { outsideGaps } from './gaps';
import { ticks } from './time-scale';
import { upgradeWindow } from './window';

const up = (startMs: number, endMs: number, open = false): Band => ({ kind: 'Upgrade', sidecar: 'mosn', container: 'mosn-2', startMs, endMs, open, failed: false });

describe('upgrade window', () => {
  it('is the latest rollout: bands that follow one another, not an older rollout', () => {
    expect(upgradeWindow([up(0, 1000), up(500_000, 510_000), up(512_000, 520_000)])).toEqual({ startMs: 500_000, endMs: 520_000, open: false });
  });

  it("leaves out an earlier rollout that ended before the latest probe run started, even seconds before", () => {
    expect(upgradeWindow([up(0, 5000), up(6000, 8000)], { startedAt: 10_000, endedAt: 20_000 }, 30_000)).toEqual({ startMs: 10_000, endMs: 20_000, open: false });
    expect(upgradeWindow([up(0, 5000), up(10_200, 15_000)], { startedAt: 10_000, endedAt: 20_000 }, 30_000)).toEqual({ startMs: 10_000, endMs: 20_000, open: false });
  });

  it('stays open while a pod is still upgrading, and takes in the probe run', () => {
    expect(upgradeWindow([up(1000, 5000, true)], { startedAt: 900 }, 6000)).toEqual({ startMs: 900, endMs: 6000, open: true });
  });
});

describe('gaps and ticks', () => {
  it('cuts an interval around gaps', () => {
    expect(outsideGaps({ startMs: 0, endMs: 100, tag: 'x' }, [{ startMs: 20, endMs: 30 }, { startMs: 90, endMs: 200 }])).toEqual([
      { startMs: 0, endMs: 20, tag: 'x' },
      { startMs: 30, endMs: 90, tag: 'x' },
    ]);
  });

  it('chooses a nice step with at most 8 ticks', () => {
    expect(ticks({ startMs: 0, endMs: 7000 })).toEqual({ step: 1000, at: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000] });
    expect(ticks({ startMs: 250, endMs: 60_000 }).step).toBe(10_000);
  });
});
