/**
 * A tiny in-memory rollout driver for tests: the controller decisions come from planSidecarSetReconcile and
 * the pod writes from upgradePod / resetHotUpgradeSlot; a fake kubelet restarts containers whose spec image
 * differs from what it last started.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { createHash } from 'node:crypto';
import { planSidecarSetReconcile, type ReconcilePlan } from '../reconcile-plan';
import { statusCounters } from '../status';
import type { SidecarSet } from '../types';
import { resetHotUpgradeSlot, upgradePod } from '../upgrade';

export const fakeImageID = (image: string): string =>
  `docker.io/${image.split(':')[0] ?? image}@sha256:${createHash('sha256').update(image).digest('hex')}`;

/** Restart every container whose spec image is not the one the kubelet last reported. */
export function kubeletSync(pod: Pod): Pod {
  const out = structuredClone(pod);
  const specImages = new Map((out.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']));
  const statuses = (out.status?.containerStatuses ?? []).map((s) => {
    const image = specImages.get(s.name) ?? '';
    if (s.imageID === fakeImageID(image)) return s;
    return { ...s, image: `docker.io/${image}`, imageID: fakeImageID(image), restartCount: (s.restartCount ?? 0) + 1 };
  });
  return { ...out, status: { ...out.status, containerStatuses: statuses } };
}

/** Running, Ready pod status for the pod's containers, as the kubelet would report after start. */
export function runningStatus(pod: Pod): Pod {
  const containerStatuses = (pod.spec?.containers ?? []).map((c) => ({
    name: c.name, image: `docker.io/${c.image ?? ''}`, imageID: fakeImageID(c.image ?? ''), ready: true, restartCount: 0,
  }));
  return { ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses } };
}

/** One reconcile: plan, apply the writes, return the plan and the counters it computed. */
export function reconcile(ss: SidecarSet, pods: Pod[], nowIso: string): { plan: ReconcilePlan; counters: number[]; pods: Pod[] } {
  const plan = planSidecarSetReconcile(ss, pods, { latestRevision: ss.status?.latestRevision });
  const reset = new Set(plan.resetPods.map((p) => p.metadata?.name));
  const upgrade = new Set(plan.upgradePods.map((p) => p.metadata?.name));
  const next = pods.map((p) => {
    if (reset.has(p.metadata?.name)) return resetHotUpgradeSlot(p, ss, { nowIso });
    if (upgrade.has(p.metadata?.name)) return upgradePod(p, ss, { nowIso });
    return p;
  });
  return { plan, counters: statusCounters(plan.status), pods: next };
}
