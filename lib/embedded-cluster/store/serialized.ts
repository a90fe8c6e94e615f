import type { KubeObject } from '../types';

/**
 * The JSON bytes of one stored object, serialised on first use and then shared by every LIST page and watch
 * event that sends it. Lazy because most versions are never sent (no LIST or HTTP watch saw them); bytes
 * rather than a string because the server sends bytes: a LIST can then concatenate items without re-encoding.
 */
export class Serialized {
  private cached: Buffer | undefined;
  private keep = true;

  constructor(readonly obj: KubeObject) {
    byObject.set(obj, this);
  }

  get bytes(): Buffer {
    if (this.cached) return this.cached;
    const b = Buffer.from(JSON.stringify(this.obj));
    if (this.keep) this.cached = b;
    return b;
  }

  /**
   * Called when a newer version supersedes this one. The object stays (snapshot reads and watch replay need
   * it) but the cached bytes go: otherwise the watch history would hold a second copy of every write. The rare
   * reader of an old version (a watch resuming from an old rv, a paged LIST at an old snapshot) re-serialises.
   */
  release(): void {
    this.keep = false;
    this.cached = undefined;
  }
}

const byObject = new WeakMap<object, Serialized>();

/**
 * The JSON bytes of `value` if it is a stored object (what a write returns to its client): the response and
 * the watch events of that write then serialise it once between them.
 */
export function storedBytes(value: unknown): Buffer | undefined {
  return typeof value === 'object' && value !== null ? byObject.get(value)?.bytes : undefined;
}
