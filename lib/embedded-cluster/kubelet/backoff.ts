/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for both crash loops and image pulls: the first
 * failure arms `initial`, each further failure doubles it up to `max`, and an entry that has been quiet for
 * 2×max starts over.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  /**
   * Timestamps passed in are wall-clock; `speed` scales their differences to the simulated time the durations
   * are given in (1 when both are the same clock, as in unit tests).
   */
  constructor(private readonly initialMs = BACKOFF_INITIAL_MS, private readonly maxMs = BACKOFF_MAX_MS, private readonly speed = 1) {}

  /** Record a failure at `eventTime`: arm or double the back-off. */
  next(id: string, eventTime: number): void {
    const e = this.entries.get(id);
    if (!e || this.expired(eventTime, e.lastUpdate)) {
      this.entries.set(id, { backoff: this.initialMs, lastUpdate: eventTime });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.maxMs);
    e.lastUpdate = eventTime;
  }

  /** Crash loops: is `now` still inside the back-off that started when the container finished? */
  isInBackOffSince(id: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.expired(eventTime, e.lastUpdate)) return false;
    return (now - eventTime) * this.speed < e.backoff;
  }

  /** Image pulls: is `now` still inside the back-off since the last recorded failure? */
  isInBackOffSinceUpdate(id: string, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.expired(now, e.lastUpdate)) return false;
    return (now - e.lastUpdate) * this.speed < e.backoff;
  }

  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  lastUpdate(id: string): number | undefined {
    return this.entries.get(id)?.lastUpdate;
  }

  forget(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private expired(eventTime: number, lastUpdate: number): boolean {
    return (eventTime - lastUpdate) * this.speed > 2 * this.maxMs;
  }
}
