/**
 * The rollout plan as batches: what the next reconcile takes (exactly the plan's `next`, in Kruise's order),
 * then what each later pass would take if every batch before it finished ready (maxUnavailable at a time), and
 * what the partition holds back. "Advance" lowers the partition by one batch.
 */
import type { RolloutPlan } from './rollout-plan';

export interface RolloutBatches {
  /** Pod keys per batch; batch 0 is the next reconcile's, exactly. */
  batches: string[][];
  /** Beyond the partition: kept on the old revision until it is lowered. */
  held: string[];
  /** Queued but never taken: maxUnavailable resolves to 0 (only not-ready pods are ever upgraded). */
  blocked: string[];
  /** The partition one batch lower (what Advance sets), when something is held. */
  advanceTo?: number;
}

export function rolloutBatches(plan: RolloutPlan): RolloutBatches {
  const batches: string[][] = [];
  if (plan.next.length > 0) batches.push([...plan.next]);
  const size = plan.maxUnavailable;
  const blocked = size > 0 ? [] : [...plan.queued];
  if (size > 0) for (let i = 0; i < plan.queued.length; i += size) batches.push(plan.queued.slice(i, i + size));
  const held = [...plan.heldByPartition];
  const advanceTo = held.length > 0 ? Math.max(0, plan.partition - Math.max(1, size)) : undefined;
  return { batches, held, blocked, advanceTo };
}
