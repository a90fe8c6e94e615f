import { describe, expect, it } from 'vitest';
import { liveDomain, stepFor } from './domain';

describe('liveDomain', () => {
  it('ends on a round step after the last moment, with room for the cursor', () => {
    const start = Date.UTC(2026, 10, 27, 12, 0, 0);
    const d = liveDomain(start, start + 5 * 60_000);
    // 5 minutes: steps of 30 s; the end is the first boundary at least a fifth of a step past the last moment.
    expect(stepFor(5 * 60_000)).toBe(30_000);
    expect(d.endMs).toBe(start + 5 * 60_000 + 30_000);
    expect(d.startMs).toBe(start - 7_500);
  });

  it('holds still while the cursor moves within a step, then moves by whole steps', () => {
    const start = Date.UTC(2026, 10, 27, 12, 0, 0);
    const domains = Array.from({ length: 60 }, (_, i) => liveDomain(start, start + 5 * 60_000 + i * 1000));
    const distinct = new Set(domains.map((d) => `${d.startMs}-${d.endMs}`));
    // A minute of one-second ticks: two or three distinct domains, not sixty.
    expect(distinct.size).toBeLessThanOrEqual(3);
    for (const [i, d] of domains.entries()) expect(d.endMs).toBeGreaterThan(start + 5 * 60_000 + i * 1000);
  });

  it('picks steps from a ladder that grows with the span', () => {
    expect(stepFor(5_000)).toBe(1000);
    expect(stepFor(60_000)).toBe(10_000);
    expect(stepFor(3_600_000)).toBe(600_000);
    expect(stepFor(10 * 86_400_000)).toBe(86_400_000);
    expect(stepFor(30 * 86_400_000)).toBe(3 * 86_400_000);
  });
});
