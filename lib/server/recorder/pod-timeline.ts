import type { Gap } from '@/lib/api';

export type { Gap };
import type { Pod } from 'kubernetes-types/core/v1';
import type { SidecarPhase, TimelineEntry } from '@/lib/sidecarset';

/** A stretch of time in which the dashboard could not see the cluster: drawn as such, never filled in. */

/** One pod's timeline: entries kept in time order, de-duplicated by id, bounded by a cap. */
export class PodTimeline {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  sidecarSets: string[] = [];
  lastPod: Pod | undefined;
  /** Last recorded phase per SidecarSet per sidecar: the diff's "from". */
  readonly phases = new Map<string, Record<string, SidecarPhase>>();
  deleted = false;
  deletedAt: number | undefined;
  truncated = 0;
  private entries: TimelineEntry[] = [];
  private readonly ids = new Set<string>();
  private dropped = 0;

  constructor(pod: Pod, private readonly cap: number) {
    this.uid = pod.metadata?.uid ?? '';
    this.namespace = pod.metadata?.namespace ?? 'default';
    this.name = pod.metadata?.name ?? '';
  }

  get size(): number {
    return this.entries.length;
  }

  /** Add what is new; returns the entries actually added. */
  add(entries: readonly TimelineEntry[]): TimelineEntry[] {
    const added: TimelineEntry[] = [];
    for (const e of entries) {
      if (this.ids.has(e.id)) continue;
      this.ids.add(e.id);
      added.push(e);
      const last = this.entries[this.entries.length - 1];
      if (!last || last.atMs <= e.atMs) this.entries.push(e);
      else this.entries.splice(this.insertionIndex(e.atMs), 0, e);
    }
    if (this.entries.length > this.cap) this.dropped += this.trimOldest(this.entries.length - this.cap);
    return added;
  }

  /** Entries dropped by the cap since the last call (the recorder keeps its total count right). */
  takeDropped(): number {
    const n = this.dropped;
    this.dropped = 0;
    return n;
  }

  trimOldest(n: number): number {
    const gone = this.entries.splice(0, n);
    for (const e of gone) this.ids.delete(e.id);
    this.truncated += gone.length;
    return gone.length;
  }

  snapshot() {
    return {
      namespace: this.namespace,
      name: this.name,
      uid: this.uid,
      sidecarSets: [...this.sidecarSets],
      deleted: this.deleted,
      truncated: this.truncated,
      entries: [...this.entries],
    };
  }

  private insertionIndex(atMs: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.entries[mid] as TimelineEntry).atMs <= atMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
