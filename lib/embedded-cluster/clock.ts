/**
 * One source of time for the whole simulation. Durations are given in simulated milliseconds and scaled by
 * `speed`, so `--speed 10` runs a 6 s postStart in 0.6 s of wall time while timestamps stay real wall-clock
 * times (what kubectl and the dashboard display).
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  readonly speed: number;
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** RFC 3339 with second precision, as Kubernetes metav1.Time serialises. */
  nowISO(): string;
  /** Run `fn` after `simulatedMs` of simulated time. */
  after(simulatedMs: number, fn: () => void): Timer;
  /** Resolve after `simulatedMs` of simulated time. */
  sleep(simulatedMs: number): Promise<void>;
}

/**
 * Timestamps are wall-clock (what the API shows) but durations are simulated: at `--speed 20` a 10 s back-off is
 * 500 ms of wall time. These two convert between the units, so a component never compares a wall-clock difference
 * with a simulated duration (or schedules a wall-clock deadline as if it were a simulated delay).
 */
export function simulatedSince(clock: Pick<Clock, 'now' | 'speed'>, wallMs: number, untilWallMs = clock.now()): number {
  return (untilWallMs - wallMs) * clock.speed;
}

/** The wall-clock time `simulatedMs` of simulated time after the wall-clock time `fromWallMs`. */
export function wallAfter(clock: Pick<Clock, 'speed'>, fromWallMs: number, simulatedMs: number): number {
  return fromWallMs + simulatedMs / clock.speed;
}

export function toRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function toMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

export class RealClock implements Clock {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly speed = 1) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  }

  now(): number {
    return Date.now();
  }

  nowISO(): string {
    return toRfc3339(this.now());
  }

  after(simulatedMs: number, fn: () => void): Timer {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, simulatedMs / this.speed));
    this.timers.add(t);
    return { cancel: () => { clearTimeout(t); this.timers.delete(t); } };
  }

  sleep(simulatedMs: number): Promise<void> {
    return new Promise((resolve) => this.after(simulatedMs, resolve));
  }

  /** Cancel every pending timer, so a stopped cluster leaves nothing behind in the event loop. */
  stopAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * A clock that only moves when told to. Unit tests of state machines (kubelet, MOSN, controller timing)
 * use it to step through time deterministically.
 */
export class ManualClock implements Clock {
  readonly speed = 1;
  private t: number;
  private seq = 0;
  private queue: Array<{ at: number; seq: number; fn: () => void; cancelled: boolean }> = [];

  constructor(startMs = Date.UTC(2026, 6, 20, 8, 0, 0)) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  nowISO(): string {
    return toRfc3339(this.t);
  }

  after(simulatedMs: number, fn: () => void): Timer {
    const entry = { at: this.t + Math.max(0, simulatedMs), seq: this.seq++, fn, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => { entry.cancelled = true; } };
  }

  sleep(simulatedMs: number): Promise<void> {
    return new Promise((resolve) => this.after(simulatedMs, resolve));
  }

  /** Advance time, firing due timers in order; awaits microtasks between timers so async chains progress. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      this.queue = this.queue.filter((e) => !e.cancelled);
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue[0];
      if (!next || next.at > target) break;
      this.queue.shift();
      this.t = next.at;
      next.fn();
      await flushMicrotasks();
    }
    this.t = target;
    await flushMicrotasks();
  }

  pending(): number {
    return this.queue.filter((e) => !e.cancelled).length;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
