import type { Pod } from 'kubernetes-types/core/v1';
import { inform } from './internal-client/informer';
import { resourceDef, type InternalClient } from './internal-client/internal-client';
import type { Store } from './store/store';
import type { KubeObject } from './types';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kruise-system'];

/** What every cluster has before anyone uses it: the system namespaces (kruise-system holds ControllerRevisions). */
export function bootstrap(admin: InternalClient): void {
  for (const name of SYSTEM_NAMESPACES) {
    if (!admin.get('namespaces', undefined, name)) {
      admin.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KubeObject);
    }
  }
}

export function isPodFullyReady(p: Pod): boolean {
  const statuses = p.status?.containerStatuses ?? [];
  return p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
    statuses.length === (p.spec?.containers ?? []).length && statuses.every((s) => s.ready);
}

/** Resolve when `count` pods are Running and ready: driven by the pod watch, no polling. */
export function waitForReadyPods(store: Store, count: number, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = new Set<string>();
    const subscription: { stop?: () => void } = {};
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => subscription.stop?.());
      if (err) reject(err);
      else resolve();
    };
    const see = (o: KubeObject): void => {
      const key = o.metadata.uid ?? '';
      if (isPodFullyReady(o as unknown as Pod)) ready.add(key);
      else ready.delete(key);
      if (ready.size >= count) finish();
    };
    const timer = setTimeout(() => finish(new Error(`only ${ready.size} of ${count} pods became ready within ${timeoutMs} ms`)), timeoutMs);
    subscription.stop = inform(store, resourceDef('pods'), { add: see, update: (_o, n) => see(n), delete: (o) => ready.delete(o.metadata.uid ?? '') });
  });
}
