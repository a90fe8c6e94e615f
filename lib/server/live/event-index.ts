import type { Event } from 'kubernetes-types/core/v1';
import type { ClusterSession } from '@/lib/cluster/cluster-session';

/**
 * Pod Events by pod uid, kept from the shared events cache, so per-pod lookups (phase hints, timelines) never
 * scan every Event in the cluster.
 */
export class EventIndex {
  private readonly byPod = new Map<string, Map<string, Event>>();
  private readonly unsubscribe: () => void;

  constructor(session: ClusterSession, onPodEvent?: (ev: Event) => void) {
    for (const ev of session.events.values()) this.put(ev);
    this.unsubscribe = session.events.subscribe((e) => {
      if (e.type === 'GAP' || e.type === 'SYNCED') return;
      if (e.type === 'DELETED') this.remove(e.obj);
      else this.put(e.obj);
      if (e.obj.involvedObject?.kind === 'Pod') onPodEvent?.(e.obj);
    });
  }

  stop(): void {
    this.unsubscribe();
  }

  forPod(uid: string | undefined): Event[] {
    return uid ? [...(this.byPod.get(uid)?.values() ?? [])] : [];
  }

  forgetPod(uid: string): void {
    this.byPod.delete(uid);
  }

  private key(ev: Event): string {
    return ev.metadata?.uid ?? `${ev.metadata?.namespace ?? ''}/${ev.metadata?.name ?? ''}`;
  }

  private put(ev: Event): void {
    const uid = ev.involvedObject?.uid;
    if (!uid || ev.involvedObject?.kind !== 'Pod') return;
    let m = this.byPod.get(uid);
    if (!m) {
      m = new Map();
      this.byPod.set(uid, m);
    }
    m.set(this.key(ev), ev);
  }

  private remove(ev: Event): void {
    const uid = ev.involvedObject?.uid;
    if (!uid) return;
    const m = this.byPod.get(uid);
    m?.delete(this.key(ev));
    if (m?.size === 0) this.byPod.delete(uid);
  }
}
