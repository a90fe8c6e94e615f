import type { Clock } from '../clock';
import { inform } from '../internal-client/informer';
import { resourceDef, type InternalClient } from '../internal-client/internal-client';
import { WorkQueue } from '../internal-client/workqueue';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';

/**
 * kube-controller-manager's serviceaccounts controller: every active namespace has a `default` ServiceAccount,
 * recreated if deleted (pods reference it as their serviceAccountName).
 */
export function startServiceAccountsController(store: Store, client: InternalClient, clock: Clock): () => void {
  const queue = new WorkQueue(clock, (namespace) => {
    const ns = client.get('namespaces', undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    if (client.get('serviceaccounts', namespace, 'default')) return;
    client.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } } as KubeObject);
  });
  const stopNs = inform(store, resourceDef('namespaces'), { add: (o) => queue.add(o.metadata.name ?? '') });
  const stopSa = inform(store, resourceDef('serviceaccounts'), {
    delete: (o) => { if (o.metadata.name === 'default') queue.add(o.metadata.namespace ?? ''); },
  });
  return () => { stopNs(); stopSa(); queue.stop(); };
}
