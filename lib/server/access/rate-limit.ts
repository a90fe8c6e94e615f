import { DashboardError } from '../http/dashboard-error';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per caller for mutations: a burst of `burst`, refilled at `perMinute`. A runaway script or a
 * double-clicking user gets 429 with Retry-After instead of a stream of patches to the cluster.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute = 30, private readonly burst = 10) {}

  take(key: string, now = Date.now()): void {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    // Re-inserted so the Map's order is least recently seen first, refused callers included: the cap then
    // forgets idle callers, never one that keeps trying, and never everyone's limits at once.
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value as string);
    if (b.tokens < 1) {
      const wait = Math.ceil(((1 - b.tokens) / this.perMinute) * 60);
      throw new DashboardError(429, 'TooManyRequests', `too many changes; try again in ${wait} s`, { retryAfterSeconds: wait });
    }
    b.tokens -= 1;
  }
}

const KEY = Symbol.for('sidecarset-dashboard.rate-limiter');
type Holder = { [KEY]?: RateLimiter };

export function mutationLimiter(): RateLimiter {
  const h = globalThis as Holder;
  h[KEY] ??= new RateLimiter(Number(process.env.DASHBOARD_MUTATIONS_PER_MINUTE ?? 30), Number(process.env.DASHBOARD_MUTATION_BURST ?? 10));
  return h[KEY];
}
