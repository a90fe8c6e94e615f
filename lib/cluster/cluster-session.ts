import 'server-only';
import type { ClusterInfo } from '@/lib/api';
import { AuthorizationV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import type { Event, Namespace, Pod } from 'kubernetes-types/core/v1';
import { ClusterError, toClusterError } from './cluster-error';
import { getJson } from './raw';
import type { SourceKind } from './source';
import { WatchCache, type CachedObject, type Freshness } from './watch-cache';
import { leanPod, stripManagedFields } from './lean';

export type SidecarSetObject = CachedObject & { apiVersion?: string; kind?: string; spec?: unknown; status?: unknown };

export type SessionState =
  | { phase: 'connecting' }
  | { phase: 'ready' }
  | { phase: 'no-openkruise'; message: string }
  | { phase: 'unreachable'; message: string; status: number };


export const KRUISE_GROUP = 'apps.kruise.io';

interface ApiGroupDoc {
  versions?: Array<{ version: string }>;
  preferredVersion?: { version: string };
}

/**
 * Everything the dashboard knows about one kubeconfig context: its clients, the served SidecarSet version, and
 * the four shared watch caches (SidecarSets, pods, namespaces, events).
 */
export class ClusterSession {
  readonly kc: KubeConfig;
  readonly custom: CustomObjectsApi;
  readonly authz: AuthorizationV1Api;
  state: SessionState = { phase: 'connecting' };
  sidecarSetVersion: 'v1beta1' | 'v1alpha1' | undefined;
  sidecarSets: WatchCache<SidecarSetObject> | undefined;
  readonly pods: WatchCache<Pod & CachedObject>;
  readonly namespaces: WatchCache<Namespace & CachedObject>;
  readonly events: WatchCache<Event & CachedObject>;
  private starting: Promise<void> | undefined;
  private readyListeners = new Set<() => void>();

  constructor(base: KubeConfig, readonly context: string, readonly source: SourceKind, readonly origin: string) {
    this.kc = new KubeConfig();
    this.kc.loadFromString(base.exportConfig());
    this.kc.setCurrentContext(context);
    this.custom = this.kc.makeApiClient(CustomObjectsApi);
    this.authz = this.kc.makeApiClient(AuthorizationV1Api);
    this.pods = new WatchCache(this.kc, 'pods', '/api/v1/pods', { transform: leanPod });
    this.namespaces = new WatchCache(this.kc, 'namespaces', '/api/v1/namespaces', { transform: stripManagedFields });
    this.events = new WatchCache(this.kc, 'events', '/api/v1/events', { transform: stripManagedFields });
  }

  info(): ClusterInfo {
    const ctx = this.kc.getContextObject(this.context);
    return {
      context: this.context,
      cluster: ctx?.cluster ?? '',
      server: this.kc.getCurrentCluster()?.server ?? '',
      user: ctx?.user ?? '',
      source: this.source,
      origin: this.origin,
      embedded: this.source === 'embedded',
      sidecarSetVersion: this.sidecarSetVersion,
    };
  }

  /** Discover the SidecarSet version and start the caches; safe to call repeatedly (retry after an error). */
  start(): Promise<void> {
    if (this.state.phase === 'ready') return Promise.resolve();
    this.starting ??= this.connect().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  onReady(fn: () => void): () => void {
    this.readyListeners.add(fn);
    return () => this.readyListeners.delete(fn);
  }

  private async connect(): Promise<void> {
    try {
      const group = await getJson<ApiGroupDoc>(this.kc, `/apis/${KRUISE_GROUP}`).catch((e: unknown) => {
        const err = toClusterError(e);
        if (err.status === 404) return undefined;
        throw err;
      });
      const served = new Set((group?.versions ?? []).map((v) => v.version));
      // Kruise 1.9+ stores v1beta1; 1.8 and older serve v1alpha1 only.
      this.sidecarSetVersion = served.has('v1beta1') ? 'v1beta1' : served.has('v1alpha1') ? 'v1alpha1' : undefined;
      if (!this.sidecarSetVersion) {
        this.state = { phase: 'no-openkruise', message: `The API group ${KRUISE_GROUP} is not served by ${this.info().server}: OpenKruise is not installed (or its SidecarSet CRD is missing).` };
        return;
      }
      this.sidecarSets ??= new WatchCache(this.kc, 'sidecarsets', `/apis/${KRUISE_GROUP}/${this.sidecarSetVersion}/sidecarsets`, { transform: stripManagedFields });
      await Promise.all([this.sidecarSets.start(), this.pods.start(), this.namespaces.start(), this.events.start()]);
      this.state = { phase: 'ready' };
      for (const fn of this.readyListeners) fn();
    } catch (e) {
      const err = e instanceof ClusterError ? e : toClusterError(e);
      this.state = { phase: 'unreachable', message: err.message, status: err.status };
    }
  }

  freshness(): Freshness[] {
    return [this.sidecarSets, this.pods, this.namespaces, this.events].filter((c) => !!c).map((c) => c.freshness());
  }

  stop(): void {
    for (const c of [this.sidecarSets, this.pods, this.namespaces, this.events]) c?.stop();
  }
}
