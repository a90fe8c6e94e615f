import type { Deployment, DeploymentCondition, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { isApiError } from '../apimachinery/errors';
import { matchesLabelSelector } from '../apimachinery/label-selector';
import type { Clock } from '../clock';
import { toRfc3339 } from '../clock';
import { inform } from '../internal-client/informer';
import { resourceDef, type InternalClient } from '../internal-client/internal-client';
import { WorkQueue } from '../internal-client/workqueue';
import { safeEncodeString } from '../kruise/hash';
import { thaw } from '../store/freeze';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { EventRecorder } from './event-recorder';

function ownerRef(o: KubeObject): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

function isActive(p: Pod): boolean {
  return !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** hash/fnv New32a (FNV-1a), which controller.ComputeHash uses; kruise/hash.ts has FNV-1 for revisions. */
function fnv32a(data: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(data, 'utf8')) h = Math.imul((h ^ byte) >>> 0, 0x01000193) >>> 0;
  return h >>> 0;
}

/**
 * The pod-template-hash label value, shaped like controller.ComputeHash's: FNV-1a of the template (and of
 * collisionCount when set), printed in decimal and SafeEncoded, so at most 10 characters from {4-9,b,c,d,f},
 * e.g. `5fd64d788c`. Kubernetes hashes the Go struct dump; JSON of the template is as stable here.
 */
export function templateHash(d: Deployment): string {
  const probe = d.status?.collisionCount === undefined ? '' : String(d.status.collisionCount);
  return safeEncodeString(String(fnv32a(JSON.stringify(d.spec?.template ?? {}) + probe)));
}

/**
 * The Deployment and ReplicaSet controllers, reduced to what the demo needs: a Deployment keeps one
 * ReplicaSet per template (older ones scaled to zero), and a ReplicaSet keeps its pod count, so a deleted pod
 * comes back — newly injected with the current SidecarSet.
 */
export function startWorkloadControllers(store: Store, client: InternalClient, clock: Clock): () => void {
  const recorder = new EventRecorder(client, clock, { component: 'deployment-controller' });
  const rsRecorder = new EventRecorder(client, clock, { component: 'replicaset-controller' });

  const syncDeployment = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const d = client.get('deployments', ns, name) as unknown as Deployment | undefined;
    if (!d || d.metadata?.deletionTimestamp) return;
    const hash = templateHash(d);
    const rsName = `${name}-${hash}`;
    const owned = (client.list('replicasets', ns) as unknown as ReplicaSet[]).filter((rs) => ownedBy(rs as unknown as KubeObject, d as unknown as KubeObject));
    const desired = d.spec?.replicas ?? 1;
    let current = owned.find((rs) => rs.metadata?.name === rsName);
    if (!current) {
      const tpl = thaw(d.spec?.template ?? {});
      tpl.metadata = { ...(tpl.metadata ?? {}), labels: { ...(tpl.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      const rs: ReplicaSet = {
        apiVersion: 'apps/v1', kind: 'ReplicaSet',
        metadata: {
          name: rsName, namespace: ns, labels: tpl.metadata.labels,
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/revision': String(owned.length + 1) },
          ownerReferences: [ownerRef(d as unknown as KubeObject)],
        },
        spec: {
          replicas: desired,
          selector: { ...(d.spec?.selector ?? {}), matchLabels: { ...(d.spec?.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
          template: tpl,
        },
      };
      current = client.create('replicasets', rs as unknown as KubeObject) as unknown as ReplicaSet;
      recorder.record(d as unknown as KubeObject, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsName} from 0 to ${desired}` });
    } else if (current.spec?.replicas !== desired) {
      const from = current.spec?.replicas ?? 0;
      client.patch('replicasets', ns, rsName, 'application/merge-patch+json', { spec: { replicas: desired } });
      recorder.record(d as unknown as KubeObject, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${desired > from ? 'up' : 'down'} replica set ${rsName} from ${from} to ${desired}` });
    }
    for (const old of owned) {
      if (old.metadata?.name !== rsName && (old.spec?.replicas ?? 0) > 0) {
        client.patch('replicasets', ns, old.metadata?.name ?? '', 'application/merge-patch+json', { spec: { replicas: 0 } });
        recorder.record(d as unknown as KubeObject, { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${old.metadata?.name ?? ''} from ${old.spec?.replicas ?? 0} to 0` });
      }
    }
    const all = (client.list('replicasets', ns) as unknown as ReplicaSet[]).filter((rs) => ownedBy(rs as unknown as KubeObject, d as unknown as KubeObject));
    const sum = (f: (rs: ReplicaSet) => number | undefined): number => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
    const fresh = all.find((rs) => rs.metadata?.name === rsName);
    const available = sum((rs) => rs.status?.availableReplicas);
    const now = toRfc3339(clock.now());
    const prevConds = d.status?.conditions ?? [];
    const cond = (type: string, status: string, reason: string, message: string): DeploymentCondition => {
      const prev = prevConds.find((c) => c.type === type);
      const changed = !prev || prev.status !== status;
      return { type, status, reason, message, lastUpdateTime: changed ? now : prev.lastUpdateTime, lastTransitionTime: changed ? now : prev.lastTransitionTime };
    };
    const status = {
      observedGeneration: d.metadata?.generation,
      replicas: sum((rs) => rs.status?.replicas),
      updatedReplicas: fresh?.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas),
      availableReplicas: available,
      ...(desired - available > 0 ? { unavailableReplicas: desired - available } : {}),
      conditions: [
        available >= desired
          ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
          : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`),
      ],
    };
    client.update('deployments', { ...(thaw(d) as unknown as KubeObject), status }, 'status');
  };

  const syncReplicaSet = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const rs = client.get('replicasets', ns, name) as unknown as ReplicaSet | undefined;
    if (!rs || rs.metadata?.deletionTimestamp) return;
    const pods = (client.list('pods', ns) as unknown as Pod[]).filter((p) => ownedBy(p as unknown as KubeObject, rs as unknown as KubeObject));
    const active = pods.filter(isActive);
    const desired = rs.spec?.replicas ?? 1;
    for (let i = active.length; i < desired; i++) {
      const tpl = rs.spec?.template;
      const pod: Pod = {
        apiVersion: 'v1', kind: 'Pod',
        metadata: { generateName: `${name}-`, namespace: ns, labels: { ...(tpl?.metadata?.labels ?? {}) }, annotations: { ...(tpl?.metadata?.annotations ?? {}) }, ownerReferences: [ownerRef(rs as unknown as KubeObject)] },
        spec: thaw(tpl?.spec ?? { containers: [] }),
      };
      const created = client.create('pods', pod as unknown as KubeObject);
      rsRecorder.record(rs as unknown as KubeObject, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata.name ?? ''}` });
    }
    if (active.length > desired) {
      const victims = [...active].sort((a, b) => Number(isReady(a)) - Number(isReady(b)) || (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
      for (const p of victims.slice(0, active.length - desired)) {
        client.delete('pods', ns, p.metadata?.name ?? '');
        rsRecorder.record(rs as unknown as KubeObject, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${p.metadata?.name ?? ''}` });
      }
    }
    const current = (client.list('pods', ns) as unknown as Pod[]).filter((p) => ownedBy(p as unknown as KubeObject, rs as unknown as KubeObject) && isActive(p));
    const ready = current.filter(isReady).length;
    const status = {
      replicas: current.length,
      fullyLabeledReplicas: current.filter((p) => matchesLabelSelector(rs.spec?.selector, p.metadata?.labels)).length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata?.generation,
    };
    client.update('replicasets', { ...(thaw(rs) as unknown as KubeObject), status }, 'status');
  };

  const retrying = (fn: (key: string) => void, queue: () => WorkQueue) => (key: string): void => {
    try {
      fn(key);
    } catch (e) {
      // A conflict means someone else wrote first: the informer will bring the newer object; try again.
      if (isApiError(e) && e.code === 409) queue().addAfter(key, 100);
      else throw e;
    }
  };
  const dq: WorkQueue = new WorkQueue(clock, retrying(syncDeployment, () => dq));
  const rq: WorkQueue = new WorkQueue(clock, retrying(syncReplicaSet, () => rq));
  const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const ownerKey = (o: KubeObject, kind: string): string | undefined => {
    const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === kind);
    return ref ? `${o.metadata.namespace ?? ''}/${ref.name}` : undefined;
  };
  const onRs = (o: KubeObject): void => {
    rq.add(keyOf(o));
    const d = ownerKey(o, 'Deployment');
    if (d) dq.add(d);
  };
  const onPod = (o: KubeObject): void => {
    const r = ownerKey(o, 'ReplicaSet');
    if (r) rq.add(r);
  };
  const stops = [
    inform(store, resourceDef('deployments'), { add: (o) => dq.add(keyOf(o)), update: (_o, n) => dq.add(keyOf(n)) }),
    inform(store, resourceDef('replicasets'), { add: onRs, update: (_o, n) => onRs(n), delete: onRs }),
    inform(store, resourceDef('pods'), { add: onPod, update: (_o, n) => onPod(n), delete: onPod }),
  ];
  return () => { stops.forEach((s) => s()); dq.stop(); rq.stop(); };
}
