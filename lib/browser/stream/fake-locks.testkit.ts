/**
 * Test support: Web Locks (`navigator.locks`) for several simulated tabs in one process, exclusive mode only, as
 * the shared stream uses them. `crash()` is a tab closing without running any code: the browser releases its
 * locks and drops its requests. Nothing in the app imports it.
 */
interface Waiter {
  owner: FakeTabLocks;
  grant: () => void;
}

export class FakeLockBroker {
  readonly held = new Map<string, FakeTabLocks>();
  private readonly queues = new Map<string, Waiter[]>();

  tab(): FakeTabLocks {
    return new FakeTabLocks(this);
  }

  enqueue(name: string, waiter: Waiter): void {
    const queue = this.queues.get(name) ?? [];
    queue.push(waiter);
    this.queues.set(name, queue);
    this.next(name);
  }

  dequeue(name: string, waiter: Waiter): void {
    const queue = this.queues.get(name) ?? [];
    this.queues.set(name, queue.filter((w) => w !== waiter));
  }

  release(name: string, owner: FakeTabLocks): void {
    if (this.held.get(name) !== owner) return;
    this.held.delete(name);
    this.next(name);
  }

  forget(owner: FakeTabLocks): void {
    for (const [name, queue] of this.queues) this.queues.set(name, queue.filter((w) => w.owner !== owner));
    for (const [name, holder] of [...this.held]) if (holder === owner) this.release(name, owner);
  }

  private next(name: string): void {
    if (this.held.has(name)) return;
    const waiter = this.queues.get(name)?.shift();
    if (!waiter) return;
    this.held.set(name, waiter.owner);
    // The browser grants in a later task; a microtask is enough to keep the caller's code from running first.
    queueMicrotask(waiter.grant);
  }
}

export class FakeTabLocks {
  private crashed = false;
  constructor(private readonly broker: FakeLockBroker) {}

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: { name: string }) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        owner: this,
        grant: () => {
          if (this.crashed) return;
          Promise.resolve(callback({ name }))
            .then(resolve, reject)
            .finally(() => this.broker.release(name, this));
        },
      };
      options.signal?.addEventListener('abort', () => {
        if (this.broker.held.get(name) === this) return;
        this.broker.dequeue(name, waiter);
        reject(new DOMException('aborted', 'AbortError'));
      });
      this.broker.enqueue(name, waiter);
    });
  }

  crash(): void {
    this.crashed = true;
    this.broker.forget(this);
  }

  get asLockManager(): LockManager {
    return this as unknown as LockManager;
  }
}
