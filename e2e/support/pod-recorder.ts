import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';

/** One change the cluster made to a pod's container, as a client watching pods saw it. */
export interface Transition {
  pod: string;
  uid: string;
  container: string;
  kind: 'specImage' | 'statusImage' | 'restart';
  from?: string | number;
  to?: string | number;
  atMs: number;
}

function kubeconfig(): KubeConfig {
  const path = process.env.E2E_KUBECONFIG;
  if (!path) throw new Error('E2E_KUBECONFIG is not set (run through playwright.config.ts)');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

function diff(prev: V1Pod, next: V1Pod, atMs: number): Transition[] {
  const pod = `${next.metadata?.namespace}/${next.metadata?.name}`;
  const uid = next.metadata?.uid ?? '';
  const out: Transition[] = [];
  for (const c of next.spec?.containers ?? []) {
    const before = prev.spec?.containers.find((p) => p.name === c.name)?.image;
    if (before !== c.image) out.push({ pod, uid, container: c.name, kind: 'specImage', from: before, to: c.image, atMs });
  }
  for (const s of next.status?.containerStatuses ?? []) {
    const before = prev.status?.containerStatuses?.find((p) => p.name === s.name);
    if (!before) continue;
    if (before.image !== s.image) out.push({ pod, uid, container: s.name, kind: 'statusImage', from: before.image, to: s.image, atMs });
    if (before.restartCount !== s.restartCount) out.push({ pod, uid, container: s.name, kind: 'restart', from: before.restartCount, to: s.restartCount, atMs });
  }
  return out;
}

/**
 * The cluster's own record of the pods' container transitions, kept by the test as an independent client:
 * LIST then WATCH the namespace's pods, and when the watch breaks (the fault injection cuts it too), re-list
 * and diff, exactly what any informer does. What it sees is what the dashboard's timeline must contain.
 */
export class PodTransitionRecorder {
  readonly transitions: Transition[] = [];
  private readonly kc = kubeconfig();
  private readonly core = this.kc.makeApiClient(CoreV1Api);
  private readonly pods = new Map<string, V1Pod>();
  private controller: AbortController | undefined;
  private stopped = false;

  constructor(private readonly namespace = 'default') {}

  async start(): Promise<void> {
    await this.relist(false);
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  /** The Events the cluster holds about the recorded pods. */
  async events(): Promise<CoreV1Event[]> {
    const uids = new Set([...this.pods.values()].map((p) => p.metadata?.uid));
    const list = await this.core.listNamespacedEvent({ namespace: this.namespace });
    return list.items.filter((e) => e.involvedObject.kind === 'Pod' && uids.has(e.involvedObject.uid));
  }

  private observe(pod: V1Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const prev = this.pods.get(uid);
    if (prev) this.transitions.push(...diff(prev, pod, Date.now()));
    this.pods.set(uid, pod);
  }

  private async relist(diffing: boolean): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      try {
        const list = await this.core.listNamespacedPod({ namespace: this.namespace });
        for (const p of list.items) {
          if (diffing) this.observe(p);
          else this.pods.set(p.metadata?.uid ?? '', p);
        }
        await this.watch(list.metadata?.resourceVersion);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private async watch(resourceVersion: string | undefined): Promise<void> {
    let rv = resourceVersion;
    this.controller = await new Watch(this.kc).watch(
      `/api/v1/namespaces/${this.namespace}/pods`,
      { resourceVersion: rv, allowWatchBookmarks: true },
      (type: string, obj: V1Pod & { code?: number }) => {
        if (type === 'ERROR') {
          this.controller?.abort();
          return;
        }
        rv = obj.metadata?.resourceVersion ?? rv;
        if (type === 'ADDED' || type === 'MODIFIED') this.observe(obj);
      },
      () => {
        // Dropped, ended or 410: re-list (diffing against what we had) and watch again.
        if (!this.stopped) void this.relist(true);
      },
    );
  }
}
