// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { StoreHealth } from './types';

/**
 * The store's health as the UI shows it: "recording degraded since …". `since` is when the current state began,
 * so a run of failures keeps the first one's time and only the latest message.
 */
export class HealthTracker {
  private state: StoreHealth;

  constructor(now = Date.now()) {
    this.state = { ok: true, since: now };
  }

  get(): StoreHealth {
    return { ...this.state };
  }

  succeed(now = Date.now()): void {
    if (!this.state.ok) this.state = { ok: true, since: now };
  }

  fail(error: string, now = Date.now()): void {
    this.state = { ok: false, since: this.state.ok ? now : this.state.since, error };
  }
}
