import type { Clock, Timer } from '../clock';

/**
 * client-go's rate-limited work queue, reduced to what the simulated controllers need: de-duplicated keys,
 * delayed adds, and a key never processed twice at once (a re-add while running runs it again afterwards).
 */
export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly dirtyWhileRunning = new Set<string>();
  private readonly delayed = new Map<string, { at: number; timer: Timer }>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly process: (key: string) => Promise<void> | void,
    private readonly onError: (key: string, err: unknown) => void = (k, e) => console.error(`[workqueue] ${k}:`, e),
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      this.dirtyWhileRunning.add(key);
      return;
    }
    this.queued.add(key);
    this.schedule();
  }

  /** Add after `simulatedMs`; an earlier pending delayed add of the same key wins. */
  addAfter(key: string, simulatedMs: number): void {
    if (this.stopped) return;
    if (simulatedMs <= 0) {
      this.add(key);
      return;
    }
    const at = this.clock.now() + simulatedMs / this.clock.speed;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.timer.cancel();
    const timer = this.clock.after(simulatedMs, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, timer });
  }

  stop(): void {
    this.stopped = true;
    for (const d of this.delayed.values()) d.timer.cancel();
    this.delayed.clear();
    this.queued.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    const keys = [...this.queued];
    this.queued.clear();
    await Promise.all(keys.map(async (key) => {
      if (this.stopped) return;
      this.running.add(key);
      try {
        await this.process(key);
      } catch (e) {
        this.onError(key, e);
      } finally {
        this.running.delete(key);
        if (this.dirtyWhileRunning.delete(key)) this.add(key);
      }
    }));
  }
}
