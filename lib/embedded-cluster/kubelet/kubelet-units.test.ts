import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { goDuration } from './events';
import { IpAllocator } from './ip-allocator';

describe('goDuration', () => {
  it.each([
    [0, '0s'], [313, '313ms'], [1_200, '1.2s'], [1_436, '1.436s'], [10_000, '10s'], [80_000, '1m20s'], [300_000, '5m0s'], [3_600_000, '1h0m0s'],
  ])('%d ms → %s', (ms, s) => expect(goDuration(ms)).toBe(s));
});

describe('Backoff', () => {
  it('doubles from 10 s to 300 s and resets after 2×max of quiet', () => {
    const b = new Backoff();
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) {
      b.next('k', t);
      seen.push(b.get('k'));
      t += b.get('k');
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.isInBackOffSinceUpdate('k', t - 1)).toBe(true);
    b.next('k', t + 600_001);
    expect(b.get('k')).toBe(10_000);
  });
});

describe('IpAllocator', () => {
  it('hands out the lowest free address from .2 and reuses released ones', () => {
    const a = new IpAllocator('10.244.1.0/24');
    expect([a.allocate(), a.allocate(), a.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    a.release('10.244.1.3');
    expect(a.allocate()).toBe('10.244.1.3');
    const tiny = new IpAllocator('10.0.0.0/30');
    expect(tiny.allocate()).toBe('10.0.0.2');
    expect(() => tiny.allocate()).toThrow(/exhausted/);
  });
});
