import type { SidecarSetDetailResponse } from '@/lib/api';
import type { Event, Namespace, Pod } from 'kubernetes-types/core/v1';
import {
  isInjected, namespaceIndex, parseSidecarSet, podMatches, sidecarSetView,
  type NamespaceIndex, type PodMemo, type PodView, type RolloutPlan, type SidecarSet, type SidecarSetSummary,
} from '@/lib/sidecarset';
import type { ClusterSession, SidecarSetObject } from '@/lib/cluster/cluster-session';
import { objectKey, type CacheEvent } from '@/lib/cluster/watch-cache';
import type { Bus } from './bus';
import type { EventIndex } from './event-index';

interface CachedView {
  summary: SidecarSetSummary;
  summaryJson: string;
  pods: PodView[];
  /** What Kruise's next passes would do (the rollout plan the summary was computed from). */
  plan: RolloutPlan;
  podJson: Map<string, string>;
  /** `pods` as a JSON array, joined from podJson on first request: every tab on the page shares it. */
  podsJson?: string;
}

/** A SidecarSet and its pods, as the detail API sends them (less the status it adds). */
export type SidecarSetDetail = Pick<SidecarSetDetailResponse, 'summary' | 'pods'>;

const podKeyOf = (v: PodView): string => `${v.namespace}/${v.name}`;

/**
 * The SidecarSet views every page shows, kept current from the shared watch caches: an index of which pods
 * relate to which SidecarSet, a view per SidecarSet recomputed only when one of its pods (or itself) changed,
 * and the deltas published on the bus. Requests read the cached views; they never trigger a LIST.
 */
export class LiveViews {
  private readonly sidecarSets = new Map<string, SidecarSet>();
  private readonly related = new Map<string, Set<string>>();
  private readonly views = new Map<string, CachedView>();
  /**
   * Per SidecarSet, what each unchanged pod contributed to its last view: one pod's watch event then costs one
   * pod view, not the whole SidecarSet's. Replaced whenever the SidecarSet or the namespaces change.
   */
  private readonly memos = new Map<string, WeakMap<Pod, PodMemo>>();
  /** A reused PodView keeps its JSON, so unchanged pods are not serialised again to find the delta. */
  private readonly viewJson = new WeakMap<PodView, string>();
  private readonly dirty = new Set<string>();
  private nsIndex: NamespaceIndex = new Map();
  private flushScheduled = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly session: ClusterSession, private readonly bus: Bus, private readonly events: EventIndex) {
    const ssCache = session.sidecarSets;
    if (!ssCache) throw new Error('LiveViews needs a session with OpenKruise');
    this.rebuildNamespaces();
    for (const o of ssCache.values()) this.upsertSidecarSet(o);
    this.unsubscribe.push(
      ssCache.subscribe((e) => this.onSidecarSet(e)),
      session.pods.subscribe((e) => this.onPod(e)),
      session.namespaces.subscribe((e) => this.onNamespace(e)),
      session.events.subscribe((e) => this.onEvent(e)),
    );
    this.flush();
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  summaries(): SidecarSetSummary[] {
    this.flush();
    return [...this.views.values()].map((v) => v.summary).sort((a, b) => a.name.localeCompare(b.name));
  }

  detail(name: string): SidecarSetDetail | undefined {
    this.flush();
    const v = this.views.get(name);
    return v ? { summary: v.summary, pods: v.pods } : undefined;
  }

  /**
   * detail() already serialised, for the API route: a 2,000-pod SidecarSet is ~4 MB of JSON, and the pods' JSON
   * exists anyway (it is how flush finds the delta), so a request joins strings instead of serialising again.
   */
  detailJson(name: string): { summary: string; pods: string } | undefined {
    this.flush();
    const v = this.views.get(name);
    if (!v) return undefined;
    v.podsJson ??= `[${v.pods.map((p) => v.podJson.get(podKeyOf(p)) ?? JSON.stringify(p)).join(',')}]`;
    return { summary: v.summaryJson, pods: v.podsJson };
  }

  /** The rollout plan behind detail(name): the same pods, the same moment. */
  plan(name: string): RolloutPlan | undefined {
    this.flush();
    return this.views.get(name)?.plan;
  }

  sidecarSet(name: string): SidecarSet | undefined {
    return this.sidecarSets.get(name);
  }

  private rebuildNamespaces(): void {
    this.nsIndex = namespaceIndex([...this.session.namespaces.values()] as Namespace[]);
  }

  private relates(ss: SidecarSet, pod: Pod): boolean {
    return podMatches(ss, pod, this.nsIndex) || isInjected(ss, pod);
  }

  private upsertSidecarSet(o: SidecarSetObject): void {
    const parsed = parseSidecarSet(o, `apps.kruise.io/${this.session.sidecarSetVersion ?? 'v1beta1'}`);
    const name = o.metadata?.name ?? '';
    if (!parsed.ok) {
      console.error(`[views] ignoring SidecarSet ${name}: ${parsed.reason}`);
      return;
    }
    const ss = parsed.sidecarSet;
    this.sidecarSets.set(name, ss);
    this.memos.set(name, new WeakMap());
    const keys = new Set<string>();
    for (const pod of this.session.pods.values()) if (this.relates(ss, pod)) keys.add(objectKey(pod));
    this.related.set(name, keys);
    this.markDirty(name);
  }

  private onSidecarSet(e: CacheEvent<SidecarSetObject>): void {
    if (e.type === 'ADDED' || e.type === 'MODIFIED') this.upsertSidecarSet(e.obj);
    else if (e.type === 'DELETED') {
      const name = e.obj.metadata?.name ?? '';
      this.sidecarSets.delete(name);
      this.related.delete(name);
      this.memos.delete(name);
      this.views.delete(name);
      this.dirty.delete(name);
      this.bus.emit('sidecarsets', 'removed', { name });
      this.bus.emit(`sidecarset/${name}`, 'removed', { name });
    }
  }

  private onPod(e: CacheEvent<Pod>): void {
    if (e.type === 'GAP' || e.type === 'SYNCED') return;
    const key = objectKey(e.obj);
    for (const [name, ss] of this.sidecarSets) {
      const set = this.related.get(name);
      if (!set) continue;
      const now = e.type !== 'DELETED' && this.relates(ss, e.obj);
      if (now) set.add(key);
      if (now || set.delete(key)) this.markDirty(name);
    }
  }

  private onNamespace(e: CacheEvent<Namespace>): void {
    if (e.type === 'GAP' || e.type === 'SYNCED') return;
    // Namespace labels feed namespaceSelectors; they change rarely, so recompute membership wholesale.
    this.rebuildNamespaces();
    for (const ss of [...this.sidecarSets.values()]) this.upsertSidecarSet(ss as SidecarSetObject);
  }

  private onEvent(e: CacheEvent<Event>): void {
    if (e.type === 'GAP') return;
    if (e.type === 'SYNCED') {
      // A relist may have replaced any pod's Events: no memoised pod view can be trusted.
      for (const name of this.sidecarSets.keys()) {
        this.memos.set(name, new WeakMap());
        this.markDirty(name);
      }
      return;
    }
    // A kubelet Started event turns NewStarting into Migrating: the pod's SidecarSets must be recomputed.
    const ns = e.obj.involvedObject?.namespace;
    const name = e.obj.involvedObject?.name;
    if (e.obj.involvedObject?.kind === 'Pod' && ns && name) {
      const key = `${ns}/${name}`;
      const pod = this.session.pods.get(key);
      for (const [ssName, set] of this.related) {
        if (!set.has(key)) continue;
        if (pod) this.memos.get(ssName)?.delete(pod);
        this.markDirty(ssName);
      }
    }
  }

  private markDirty(name: string): void {
    this.dirty.add(name);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Coalesce a burst of watch events into one recompute, without a fixed delay.
    setImmediate(() => this.flush());
  }

  /** Recompute dirty views and publish what changed. */
  flush(): void {
    this.flushScheduled = false;
    if (this.dirty.size === 0) return;
    const names = [...this.dirty];
    this.dirty.clear();
    const changedSummaries: SidecarSetSummary[] = [];
    for (const name of names) {
      const ss = this.sidecarSets.get(name);
      if (!ss) continue;
      const pods: Pod[] = [];
      for (const key of this.related.get(name) ?? []) {
        const p = this.session.pods.get(key);
        if (p) pods.push(p);
      }
      const view = sidecarSetView(ss, pods, this.nsIndex, {
        eventsForPod: (pod) => this.events.forPod(pod.metadata?.uid),
        memo: this.memos.get(name),
      });
      const prev = this.views.get(name);
      const summaryJson = JSON.stringify(view.summary);
      const podJson = new Map<string, string>();
      const upserts: PodView[] = [];
      for (const pv of view.pods) {
        const k = podKeyOf(pv);
        let j = this.viewJson.get(pv);
        if (j === undefined) this.viewJson.set(pv, (j = JSON.stringify(pv)));
        podJson.set(k, j);
        if (prev?.podJson.get(k) !== j) upserts.push(pv);
      }
      const removed = prev ? [...prev.podJson.keys()].filter((k) => !podJson.has(k)) : [];
      this.views.set(name, { summary: view.summary, summaryJson, pods: view.pods, plan: view.plan, podJson });
      const summaryChanged = prev?.summaryJson !== summaryJson;
      if (summaryChanged) changedSummaries.push(view.summary);
      if (summaryChanged || upserts.length || removed.length) {
        this.bus.emit(`sidecarset/${name}`, 'detail', { name, summary: view.summary, upserts, removed });
      }
    }
    if (changedSummaries.length) this.bus.emit('sidecarsets', 'summaries', { upserts: changedSummaries });
  }
}
