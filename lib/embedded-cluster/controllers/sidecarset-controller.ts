import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isApiError } from '../apimachinery/errors';
import type { Clock } from '../clock';
import { inform } from '../internal-client/informer';
import { resourceDef, type InternalClient } from '../internal-client/internal-client';
import { WorkQueue } from '../internal-client/workqueue';
import {
  buildUpgradableCondition, getMatchingPods, injectedSidecarSetNames, isPodStateConsistent, newControllerRevision,
  planSidecarSetReconcile, resetHotUpgradeSlot, upgradePod, withUpgradableCondition,
  DEFAULT_KRUISE_NAMESPACE, NOT_UPDATE, SIDECARSET_NAME_LABEL, type SidecarSet,
} from '../kruise';
import { thaw } from '../store/freeze';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { toRfc3339 } from '../clock';
import { EventRecorder } from './event-recorder';

/** The controller re-queues a SidecarSet this long after a pod's sidecar consistency flips (spec §3.1). */
export const CONSISTENCY_REQUEUE_MS = 5000;

const asKube = (o: unknown): KubeObject => o as KubeObject;

function isReadyCondition(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * OpenKruise's SidecarSet controller (pkg/controller/sidecarset), driving the pure decisions of ../kruise
 * with real writes: ControllerRevisions, status, the hot-upgrade pod writes (upgrade, then reset), the
 * SidecarSetUpgradable condition and the controller's events.
 */
export function startSidecarSetController(store: Store, client: InternalClient, clock: Clock): () => void {
  const recorder = new EventRecorder(client, clock, { component: 'sidecarset-controller' });
  const nowIso = (): string => toRfc3339(clock.now());

  const ensureRevision = (ss: SidecarSet): string => {
    const revs = (client.list('controllerrevisions', DEFAULT_KRUISE_NAMESPACE) as unknown as ControllerRevision[])
      .filter((r) => r.metadata?.labels?.[SIDECARSET_NAME_LABEL] === ss.metadata.name);
    const maxRev = revs.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
    const candidate = newControllerRevision(ss, maxRev + 1, ss.status?.collisionCount ?? 0);
    const name = candidate.metadata?.name ?? '';
    const existing = revs.find((r) => r.metadata?.name === name);
    if (!existing) {
      client.create('controllerrevisions', asKube(candidate));
    } else if ((existing.revision ?? 0) < maxRev) {
      // Returning to an older spec makes that revision the newest again, as Kruise's history does.
      client.patch('controllerrevisions', DEFAULT_KRUISE_NAMESPACE, name, 'application/merge-patch+json', { revision: maxRev + 1 });
    }
    pruneRevisions(ss, name);
    return name;
  };

  const pruneRevisions = (ss: SidecarSet, latest: string): void => {
    const limit = Math.max(1, ss.spec.revisionHistoryLimit ?? 10);
    const revs = (client.list('controllerrevisions', DEFAULT_KRUISE_NAMESPACE) as unknown as ControllerRevision[])
      .filter((r) => r.metadata?.labels?.[SIDECARSET_NAME_LABEL] === ss.metadata.name)
      .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
    if (revs.length <= limit) return;
    const inUse = new Set<string>([latest]);
    for (const p of client.list('pods') as unknown as Pod[]) {
      const raw = p.metadata?.annotations?.['kruise.io/sidecarset-hash'];
      const m = raw ? /"controllerRevision":"([^"]+)"/.exec(raw) : null;
      if (m?.[1]) inUse.add(m[1]);
    }
    let excess = revs.length - limit;
    for (const r of revs) {
      if (excess <= 0) break;
      if (inUse.has(r.metadata?.name ?? '')) continue;
      client.delete('controllerrevisions', DEFAULT_KRUISE_NAMESPACE, r.metadata?.name ?? '');
      excess--;
    }
  };

  const setCondition = (pod: Pod, ssName: string, upgradable: boolean): void => {
    const current = client.get('pods', pod.metadata?.namespace, pod.metadata?.name ?? '') as unknown as Pod | undefined;
    if (!current) return;
    const { condition, changed } = buildUpgradableCondition(current, ssName, upgradable, nowIso());
    if (changed) client.update('pods', asKube(withUpgradableCondition(thaw(current), condition)), 'status');
  };

  const reconcile = (name: string): void => {
    const ss = client.get('sidecarsets', undefined, name) as unknown as SidecarSet | undefined;
    if (!ss || ss.metadata.deletionTimestamp) return;
    const nsLabels = new Map(client.list('namespaces').map((n) => [n.metadata.name ?? '', n.metadata.labels ?? {}]));
    const matched = getMatchingPods(ss, client.list('pods') as unknown as Pod[], (ns) => nsLabels.get(ns));
    const latestRevision = ensureRevision(ss);
    const plan = planSidecarSetReconcile(ss, matched, { latestRevision, collisionCount: ss.status?.collisionCount });
    if (plan.statusChanged) {
      client.update('sidecarsets', asKube({ ...thaw(ss), status: plan.status }), 'status');
    }
    for (const pod of plan.resetPods) {
      try {
        client.update('pods', asKube(resetHotUpgradeSlot(thaw(pod), ss, { nowIso: nowIso() })));
        recorder.record(asKube(pod), { type: 'Normal', reason: 'ResetContainerSucceed', message: 'reset sidecar container image empty successfully' });
      } catch (e) {
        recorder.record(asKube(pod), { type: 'Warning', reason: 'ResetContainerFailed', message: `reset sidecar container image empty failed: ${(e as Error).message}` });
        throw e;
      }
    }
    for (const pod of plan.upgradePods) {
      client.update('pods', asKube(upgradePod(thaw(pod), ss, {
        nowIso: nowIso(), ssResourceVersion: ss.metadata.resourceVersion, latestRevision,
      })));
      setCondition(pod, name, true);
    }
    if (plan.notUpgradablePods.length > 0) {
      for (const pod of plan.notUpgradablePods) setCondition(pod, name, false);
      recorder.record(asKube(ss), {
        type: 'Normal',
        reason: 'NotUpgradablePods',
        message: `SidecarSet in-place update detected ${plan.notUpgradablePods.length} not upgradable pod(s) in this round, will skip them.`,
      });
    }
  };

  const queue: WorkQueue = new WorkQueue(clock, (name) => {
    try {
      reconcile(name);
    } catch (e) {
      // Someone wrote in between (the kubelet, a user): re-read and try again shortly, like RetryOnConflict.
      if (isApiError(e) && (e.code === 409 || e.code === 404)) queue.addAfter(name, 200);
      else throw e;
    }
  });

  const sidecarSetsOf = (pod: Pod): SidecarSet[] =>
    injectedSidecarSetNames(pod)
      .map((n) => client.get('sidecarsets', undefined, n) as unknown as SidecarSet | undefined)
      .filter((s): s is SidecarSet => !!s);

  const onPodUpdate = (oldPod: Pod, newPod: Pod): void => {
    for (const ss of sidecarSetsOf(newPod)) {
      if (ss.spec.updateStrategy?.type === NOT_UPDATE) continue;
      const name = ss.metadata.name ?? '';
      const deletionStarted = !oldPod.metadata?.deletionTimestamp && !!newPod.metadata?.deletionTimestamp;
      const labelsChanged = !!ss.spec.updateStrategy?.selector &&
        JSON.stringify(oldPod.metadata?.labels ?? {}) !== JSON.stringify(newPod.metadata?.labels ?? {});
      if (deletionStarted || isReadyCondition(oldPod) !== isReadyCondition(newPod) || labelsChanged) queue.add(name);
      else if (isPodStateConsistent(ss, oldPod) !== isPodStateConsistent(ss, newPod)) queue.addAfter(name, CONSISTENCY_REQUEUE_MS);
    }
  };

  const stops = [
    inform(store, resourceDef('sidecarsets'), {
      add: (o) => queue.add(o.metadata.name ?? ''),
      update: (o, n) => { if (o.metadata.generation !== n.metadata.generation) queue.add(n.metadata.name ?? ''); },
    }),
    inform(store, resourceDef('pods'), {
      add: (o) => sidecarSetsOf(o as unknown as Pod).forEach((s) => queue.add(s.metadata.name ?? '')),
      update: (o, n) => onPodUpdate(o as unknown as Pod, n as unknown as Pod),
    }),
  ];
  return () => { stops.forEach((s) => s()); queue.stop(); };
}
