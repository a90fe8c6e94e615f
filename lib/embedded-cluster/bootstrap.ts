import type { Pod } from 'kubernetes-types/core/v1';
import { installedCrdObjects } from './apiserver/openapi/crd-objects';
import { inform } from './internal-client/informer';
import { resourceDef, type InternalClient } from './internal-client/internal-client';
import type { Store } from './store/store';
import { KUBERNETES_SERVICE_IP } from './resources/services';
import type { KubeObject } from './types';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kruise-system'];

/**
 * What every cluster has before anyone uses it: the system namespaces (kruise-system holds ControllerRevisions),
 * their `default` ServiceAccounts, the `kubernetes` Service, and Kruise's CRDs (`kubectl get crd
 * sidecarsets.apps.kruise.io` is how tools check that Kruise is installed).
 */
export function bootstrap(admin: InternalClient): void {
  for (const name of SYSTEM_NAMESPACES) {
    if (!admin.get('namespaces', undefined, name)) {
      admin.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KubeObject);
    }
    if (!admin.get('serviceaccounts', name, 'default')) {
      admin.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } } as KubeObject);
    }
  }
  if (!admin.get('services', 'default', 'kubernetes')) {
    admin.create('services', {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    } as KubeObject);
  }
  for (const crd of installedCrdObjects()) {
    if (!admin.get('customresourcedefinitions', undefined, crd.metadata.name ?? '')) admin.create('customresourcedefinitions', crd);
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
