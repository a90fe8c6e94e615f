import { describe, expect, it } from 'vitest';
import { DashboardError, errorResponse } from '../http/dashboard-error';
import { RateLimiter } from './rate-limit';

/** The DashboardError a refused take() throws (fails the test when it does not throw one). */
function refusal(limiter: RateLimiter, key: string, now: number): DashboardError {
  try {
    limiter.take(key, now);
  } catch (e) {
    if (e instanceof DashboardError) return e;
    throw e;
  }
  throw new Error('expected take() to be refused');
}

const T0 = 1_700_000_000_000;

describe('RateLimiter', () => {
  it('lets a burst through, then answers 429 with the seconds until the next token', () => {
    const limiter = new RateLimiter(30, 10);
    for (let i = 0; i < 10; i++) limiter.take('alice', T0);
    const err = refusal(limiter, 'alice', T0);
    expect(err).toMatchObject({ status: 429, reason: 'TooManyRequests', message: 'too many changes; try again in 2 s', details: { retryAfterSeconds: 2 } });
    // The API answer carries Retry-After, as the README promises.
    const res = errorResponse(err);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('refills at perMinute, never above the burst', () => {
    const limiter = new RateLimiter(30, 3);
    for (let i = 0; i < 3; i++) limiter.take('bob', T0);
    // 30 a minute is one every 2 s: half-way there is still a refusal, with 1 s left.
    expect(refusal(limiter, 'bob', T0 + 1000).details).toEqual({ retryAfterSeconds: 1 });
    limiter.take('bob', T0 + 2000);
    refusal(limiter, 'bob', T0 + 2000);
    // An hour idle refills only the burst.
    for (let i = 0; i < 3; i++) limiter.take('bob', T0 + 3_600_000);
    refusal(limiter, 'bob', T0 + 3_600_000);
  });

  it('does not charge refused requests', () => {
    const limiter = new RateLimiter(60, 1);
    limiter.take('carol', T0);
    for (let i = 0; i < 5; i++) refusal(limiter, 'carol', T0 + i * 100);
    // One token a second: refusals along the way did not push the next one back.
    limiter.take('carol', T0 + 1000);
  });

  it('keeps one bucket per caller', () => {
    const limiter = new RateLimiter(30, 2);
    limiter.take('dave', T0);
    limiter.take('dave', T0);
    refusal(limiter, 'dave', T0);
    limiter.take('erin', T0);
    limiter.take('erin', T0);
    refusal(limiter, 'erin', T0);
  });

  it('forgets the least recently used caller beyond 10,000, never everyone at once', () => {
    const limiter = new RateLimiter(30, 1);
    limiter.take('busy', T0);
    for (let i = 0; i < 9_999; i++) limiter.take(`idle-${i}`, T0);
    // 'busy' is the oldest entry until it is used again; then 'idle-0' is.
    expect(refusal(limiter, 'busy', T0).status).toBe(429);
    limiter.take('newcomer', T0);
    expect(refusal(limiter, 'busy', T0).status).toBe(429);
    limiter.take('idle-0', T0);
  });
});
