/**
 * Why a `Pending` pod is not being upgraded now (spec §8.4 "Refine Pending"), read off the rollout plan, in the
 * order the controller checks: NotUpdate and paused stop everything, then updateStrategy.selector, then the
 * partition and the maxUnavailable budget.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { pendingLabel } from './phase-labels';
import { podKey } from '../kruise/pod-state';
import type { RolloutPlan } from '../kruise/rollout-plan';
import type { PendingReason, PendingRefinement } from './types';

function refinement(reason: PendingReason, detail: string, position?: number): PendingRefinement {
  return { reason, label: pendingLabel(reason), detail, position };
}

type Bucket = 'notSelected' | 'skippedInFlight' | 'heldByPartition' | 'next' | 'queued';

interface PlanIndex {
  bucket: Map<string, Bucket>;
  position: Map<string, number>;
}

/** Plans are never mutated once built, so their per-pod index is computed once (views ask for every pod). */
const indexes = new WeakMap<RolloutPlan, PlanIndex>();

function planIndex(plan: RolloutPlan): PlanIndex {
  let index = indexes.get(plan);
  if (!index) {
    const bucket = new Map<string, Bucket>();
    for (const b of ['notSelected', 'skippedInFlight', 'heldByPartition', 'next', 'queued'] as const) {
      for (const key of plan[b]) if (!bucket.has(key)) bucket.set(key, b);
    }
    index = { bucket, position: new Map(plan.waiting.map((key, i) => [key, i])) };
    indexes.set(plan, index);
  }
  return index;
}

/** Only meaningful for a member pod whose phase is Pending; undefined when the plan does not know the pod. */
export function refinePending(pod: Pod, plan: RolloutPlan): PendingRefinement | undefined {
  const key = podKey(pod);
  const index = planIndex(plan);
  const pos = index.position.get(key);
  const bucket = index.bucket.get(key);
  if (plan.frozen === 'NotUpdate') {
    return refinement('NotUpdate', 'updateStrategy.type is NotUpdate: Kruise injects but never upgrades.', pos);
  }
  if (plan.frozen === 'Paused') {
    return refinement('Paused', 'updateStrategy.paused is true: no pod is upgraded until it is resumed.', pos);
  }
  if (bucket === 'notSelected') {
    return refinement('NotSelected', 'Outside updateStrategy.selector: this rollout does not touch the pod.');
  }
  if (bucket === 'skippedInFlight') {
    return refinement('Queued', 'A sidecar slot is ready but not yet consistent; Kruise waits for the kubelet first.');
  }
  if (bucket === 'heldByPartition') {
    return refinement(
      'HeldByPartition',
      `partition keeps the last ${plan.partition} waiting pod(s) on the old revision.`,
      pos,
    );
  }
  if (bucket === 'next') {
    return refinement('NextInLine', 'The next reconcile upgrades this pod.', pos);
  }
  if (bucket === 'queued') {
    return refinement(
      'Queued',
      `maxUnavailable budget in use (${plan.unavailable} of ${plan.maxUnavailable}); waits for in-flight pods to finish.`,
      pos,
    );
  }
  return undefined;
}

/**
 * Everything refinePending reads from the plan about this pod, as a string: two plans that give a pod the same
 * key give it the same refinement, so a view built under one can be reused under the other.
 */
export function pendingPlanKey(pod: Pod, plan: RolloutPlan): string {
  const key = podKey(pod);
  const index = planIndex(plan);
  const bucket = index.bucket.get(key) ?? '';
  const budget = bucket === 'queued' ? `${plan.unavailable}/${plan.maxUnavailable}` : '';
  return `${plan.frozen ?? ''}|${bucket}|${index.position.get(key) ?? ''}|${bucket === 'heldByPartition' ? plan.partition : ''}|${budget}`;
}
