import type { Namespace } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock';
import { inform } from '../internal-client/informer';
import { resourceDef, type InternalClient, type Kind } from '../internal-client/internal-client';
import { WorkQueue } from '../internal-client/workqueue';
import type { Rest } from '../registry/rest';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';

const DEPENDENT_KINDS: Kind[] = ['replicasets', 'pods', 'controllerrevisions'];
const NAMESPACED_KINDS: Kind[] = [
  'deployments', 'replicasets', 'pods', 'controllerrevisions', 'events', 'services', 'configmaps', 'secrets', 'serviceaccounts', 'leases',
];

/**
 * Background cascading deletion: when an owner goes, its dependents (by ownerReferences uid) are deleted,
 * so `kubectl delete deploy` takes its ReplicaSets and pods with it.
 */
export function startGarbageCollector(store: Store, client: InternalClient): () => void {
  const onDelete = (owner: KubeObject): void => {
    const uid = owner.metadata.uid;
    if (!uid) return;
    for (const kind of DEPENDENT_KINDS) {
      for (const o of client.list(kind, owner.metadata.namespace)) {
        if ((o.metadata.ownerReferences ?? []).some((r) => r.uid === uid)) {
          client.delete(kind, o.metadata.namespace, o.metadata.name ?? '', { propagationPolicy: 'Background' });
        }
      }
    }
  };
  const stops = (['deployments', 'replicasets', 'sidecarsets'] as Kind[]).map((k) => inform(store, resourceDef(k), { delete: onDelete }));
  return () => stops.forEach((s) => s());
}

/** A terminating namespace is emptied, then finalized and removed, as the namespace controller does. */
export function startNamespaceController(store: Store, rest: Rest, client: InternalClient, clock: Clock): () => void {
  const nsDef = resourceDef('namespaces');
  const queue = new WorkQueue(clock, (name) => {
    const ns = client.get('namespaces', undefined, name) as unknown as Namespace | undefined;
    if (!ns?.metadata?.deletionTimestamp) return;
    let remaining = 0;
    for (const kind of NAMESPACED_KINDS) {
      for (const o of client.list(kind, name)) {
        remaining++;
        if (!o.metadata.deletionTimestamp) client.delete(kind, name, o.metadata.name ?? '');
      }
    }
    if (remaining > 0) {
      queue.addAfter(name, 1000);
      return;
    }
    rest.mutateStored(nsDef, undefined, name, (o) => ({ ...o, spec: { finalizers: [] } }));
    client.delete('namespaces', undefined, name);
  });
  const check = (o: KubeObject): void => {
    if (o.metadata.deletionTimestamp) queue.add(o.metadata.name ?? '');
  };
  const stop = inform(store, nsDef, { add: check, update: (_o, n) => check(n) });
  return () => { stop(); queue.stop(); };
}
