import type { TimelineSnapshot } from '@/lib/api';

export type { TimelineSnapshot };
import type { Event, Pod } from 'kubernetes-types/core/v1';
import {
  backfillPod, diffPodSnapshots, eventToTimelineEntry, failureEventPredicate, injectedSidecarSets, startedEventPredicate,
  type SidecarPhase, type SidecarSet, type TimelineEntry,
} from '@/lib/sidecarset';
import type { ClusterSession } from '@/lib/cluster/cluster-session';
import type { CacheEvent } from '@/lib/cluster/watch-cache';
import type { Bus } from '../live/bus';
import type { EventIndex } from '../live/event-index';
import { PodTimeline, type Gap } from './pod-timeline';

export interface RecorderOptions {
  /** Entries kept per pod (oldest dropped first). */
  perPodCap?: number;
  /** Entries kept in all (timelines of deleted pods go first, then the oldest entries of the biggest). */
  totalCap?: number;
  /** How long a deleted pod's timeline is kept. */
  deletedRetentionMs?: number;
}


/**
 * Turns every pod watch event into timeline entries (a diff of the previous and new snapshot) and merges the
 * pods' Events in. It starts from what the cluster still holds (container start times, last terminations,
 * Events) and marks everything else — before it started, and whenever a watch dropped — as a gap.
 */
export class TimelineRecorder {
  private readonly pods = new Map<string, PodTimeline>();
  private readonly gaps: Gap[] = [];
  private openGap: Gap | undefined;
  /** Caches (pods, events) currently in a gap: the gap lasts until every one of them has synced again. */
  private readonly unsynced = new Set<string>();
  private lastClosed: Gap | undefined;
  private total = 0;
  /** timelinesFor's JSON per SidecarSet, dropped on any change (see timelinesJsonFor). */
  private readonly jsonCache = new Map<string, string>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly opts: Required<RecorderOptions>;

  constructor(
    private readonly session: ClusterSession,
    private readonly bus: Bus,
    private readonly sidecarSet: (name: string) => SidecarSet | undefined,
    private readonly events: EventIndex,
    opts: RecorderOptions = {},
  ) {
    this.opts = { perPodCap: 2000, totalCap: 300_000, deletedRetentionMs: 30 * 60_000, ...opts };
    const startedAt = Date.now();
    this.gaps.push({ id: `gap/start/${startedAt}`, startMs: 0, endMs: startedAt, reason: 'before the dashboard started: only container start times and surviving Events are known', relist: false });
    for (const pod of session.pods.values()) this.observe(undefined, pod, startedAt, true);
    for (const ev of session.events.values()) this.recordEvent(ev, false);
    for (const cache of [session.pods, session.events]) {
      this.unsubscribe.push(cache.subscribe((e: CacheEvent<Pod> | CacheEvent<Event>) => this.onCacheLifecycle(e, cache.kind)));
    }
    this.unsubscribe.push(
      session.pods.subscribe((e) => {
        if (e.type === 'ADDED' || e.type === 'MODIFIED') this.observe(e.old, e.obj, Date.now(), false);
        else if (e.type === 'DELETED') this.observeDeleted(e.obj);
      }),
      session.events.subscribe((e) => { if (e.type === 'ADDED' || e.type === 'MODIFIED') this.recordEvent(e.obj, true); }),
    );
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  gapsSnapshot(): Gap[] {
    return this.gaps.map((g) => ({ ...g }));
  }

  timeline(namespace: string, name: string): TimelineSnapshot | undefined {
    let best: PodTimeline | undefined;
    for (const t of this.pods.values()) {
      if (t.namespace === namespace && t.name === name && (!best || (best.deleted && !t.deleted))) best = t;
    }
    return best?.snapshot();
  }

  timelinesFor(sidecarSet: string): TimelineSnapshot[] {
    return [...this.pods.values()].filter((t) => t.sidecarSets.includes(sidecarSet)).map((t) => t.snapshot());
  }

  /**
   * timelinesFor as JSON, built once and shared by every request until the next change: ten tabs opening a
   * 2,000-pod SidecarSet then serialise it once, not ten times (several MB of transient garbage each).
   */
  timelinesJsonFor(sidecarSet: string): string {
    let json = this.jsonCache.get(sidecarSet);
    if (json === undefined) this.jsonCache.set(sidecarSet, (json = JSON.stringify(this.timelinesFor(sidecarSet))));
    return json;
  }

  private changed(): void {
    this.jsonCache.clear();
  }

  entryCount(): number {
    return this.total;
  }

  /**
   * One gap spans the time any cache was blind: it closes only when both the pod and the event caches synced.
   * A resumed watch reports SYNCED as soon as it connects, and a 410 can follow at once; a gap that reopens
   * within a second is the same gap continuing, so it is reopened rather than a few ms of "known" state drawn
   * between two gaps.
   */
  private onCacheLifecycle(e: CacheEvent<Pod> | CacheEvent<Event>, kind: string): void {
    if (e.type === 'GAP') {
      this.unsynced.add(kind);
      if (!this.openGap && this.lastClosed?.endMs !== undefined && e.at - this.lastClosed.endMs < 1000) {
        this.openGap = this.lastClosed;
        this.openGap.endMs = undefined;
      } else if (!this.openGap) {
        this.openGap = { id: `gap/${kind}/${e.at}`, startMs: e.at, reason: e.reason, relist: e.relist };
        this.gaps.push(this.openGap);
        if (this.gaps.length > 200) this.gaps.splice(1, 1);
      } else if (!e.relist || this.openGap.relist) {
        return;
      }
      if (e.relist && !this.openGap.reason.includes(e.reason)) this.openGap.reason += `; then ${e.reason}`;
      this.openGap.relist ||= e.relist;
      this.bus.emit('status', 'gap', { ...this.openGap });
    } else if (e.type === 'SYNCED' && this.unsynced.delete(kind) && this.unsynced.size === 0 && this.openGap) {
      this.openGap.endMs = e.at;
      this.bus.emit('status', 'gap', { ...this.openGap });
      this.lastClosed = this.openGap;
      this.openGap = undefined;
    }
  }

  private observe(prev: Pod | undefined, pod: Pod, atMs: number, backfill: boolean): void {
    const uid = pod.metadata?.uid ?? '';
    const names = injectedSidecarSets(pod);
    let t = this.pods.get(uid);
    if (!t) {
      if (names.length === 0) return;
      t = new PodTimeline(pod, this.opts.perPodCap);
      this.pods.set(uid, t);
    }
    if (t.sidecarSets.join() !== names.join()) this.changed();
    t.sidecarSets = names;
    const fresh: TimelineEntry[] = [];
    if (backfill) fresh.push(...backfillPod(pod));
    // A relist after a gap may hand us a pod whose previous snapshot we never saw: diff against our last one.
    const before = t.lastPod ?? prev;
    const podEvents = this.events.forPod(uid);
    for (const name of names) {
      const ss = this.sidecarSet(name);
      if (!ss) continue;
      const entries = diffPodSnapshots(before, pod, ss, atMs, {
        previousPhases: t.phases.get(name),
        hasStartedEventSince: startedEventPredicate(podEvents, pod),
        hasFailureEventSince: failureEventPredicate(podEvents, pod),
      });
      const phases: Record<string, SidecarPhase> = { ...(t.phases.get(name) ?? {}) };
      for (const e of entries) if (e.kind === 'phase') phases[e.sidecar] = e.to;
      t.phases.set(name, phases);
      // The first sight of a pod is a baseline, not a change: keep its phase, skip its "from nothing" diffs.
      fresh.push(...(before ? entries : entries.filter((e) => e.kind === 'phase')));
    }
    t.lastPod = pod;
    this.append(t, fresh);
  }

  private observeDeleted(pod: Pod): void {
    const t = this.pods.get(pod.metadata?.uid ?? '');
    if (!t) return;
    t.deleted = true;
    t.deletedAt = Date.now();
    setTimeout(() => {
      if (this.pods.get(t.uid) === t) {
        this.total -= t.size;
        this.pods.delete(t.uid);
        this.changed();
      }
    }, this.opts.deletedRetentionMs).unref();
    this.append(t, [{
      id: `${pod.metadata?.uid ?? ''}/deleted`, atMs: t.deletedAt, kind: 'podReady', from: undefined, to: false,
      subject: { kind: 'Pod', namespace: t.namespace, name: t.name, uid: t.uid }, severity: 'muted', text: 'pod deleted',
    }]);
  }

  /**
   * core/v1 Events carry second-precision timestamps; an Event seen live is placed at the moment it arrived,
   * which orders it correctly against the pod diffs around it. Older ones keep their own time.
   */
  private recordEvent(ev: Event, live: boolean): void {
    const uid = ev.involvedObject?.uid;
    if (!uid || ev.involvedObject?.kind !== 'Pod') return;
    const t = this.pods.get(uid);
    const entry = eventToTimelineEntry(ev);
    if (!t || !entry) return;
    const now = Date.now();
    this.append(t, [live && Math.abs(now - entry.atMs) < 2000 ? { ...entry, atMs: now } : entry]);
  }

  private append(t: PodTimeline, entries: TimelineEntry[]): void {
    const added = t.add(entries);
    this.total += added.length - t.takeDropped();
    if (added.length === 0) return;
    this.changed();
    const payload = { namespace: t.namespace, name: t.name, uid: t.uid, entries: added };
    this.bus.emit(`pod/${t.namespace}/${t.name}`, 'timeline', payload);
    for (const ss of t.sidecarSets) this.bus.emit(`timeline/${ss}`, 'timeline', payload);
    if (this.total > this.opts.totalCap) this.evict();
  }

  private evict(): void {
    this.changed();
    const now = Date.now();
    const byAge = [...this.pods.values()].sort((a, b) => Number(b.deleted) - Number(a.deleted) || (a.deletedAt ?? now) - (b.deletedAt ?? now));
    for (const t of byAge) {
      if (this.total <= this.opts.totalCap * 0.9) return;
      if (t.deleted) {
        this.total -= t.size;
        this.pods.delete(t.uid);
      }
    }
    const biggest = [...this.pods.values()].sort((a, b) => b.size - a.size);
    for (const t of biggest) {
      if (this.total <= this.opts.totalCap * 0.9) return;
      this.total -= t.trimOldest(Math.ceil(t.size / 2));
    }
  }
}
