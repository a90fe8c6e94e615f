/**
 * "Why is it stuck?" (spec §8.1 blocked reasons): each reason names a setting or a pod state that keeps the next
 * reconcile from upgrading pods, in the order the controller runs into them.
 */
import type { RolloutPlan } from '../kruise/rollout-plan';
import type { SidecarSet } from '../kruise/types';
import type { BlockedReason, PodView } from './types';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `memberViews` = the PodViews of member pods only. */
export function blockedReasons(ss: SidecarSet, plan: RolloutPlan, memberViews: readonly PodView[]): BlockedReason[] {
  const reasons: BlockedReason[] = [];
  const notUpdated = memberViews.filter((v) => !v.updated).length;
  const midUpgrade = memberViews.filter((v) => v.hotSidecars.some((h) => h.phase === 'FrozenBothRunning')).length;
  const pendingWork = notUpdated > 0 || midUpgrade > 0;

  if (plan.frozen === 'NotUpdate' && pendingWork) {
    reasons.push({
      code: 'NotUpdate',
      message: `updateStrategy.type is NotUpdate: ${plural(notUpdated, 'pod')} stay on their revision (status may be stale).`,
      pods: notUpdated,
    });
  }
  if (ss.spec.updateStrategy?.paused === true && pendingWork) {
    const frozen = midUpgrade > 0 ? `; ${plural(midUpgrade, 'pod')} frozen mid-upgrade with both slots running` : '';
    reasons.push({
      code: 'Paused',
      message: `updateStrategy.paused: ${plural(notUpdated, 'pod')} wait${frozen}.`,
      pods: notUpdated + midUpgrade,
    });
  }
  const failing = memberViews.filter((v) => v.upgradePhase === 'Failed').length;
  if (failing > 0) {
    reasons.push({
      code: 'FailingPods',
      message: `${plural(failing, 'pod')} failing to start a sidecar; ${failing === 1 ? 'it holds' : 'they hold'} the maxUnavailable budget until fixed (publish a working image).`,
      pods: failing,
    });
  }
  if (plan.frozen === undefined && plan.budgetExhausted) {
    const zero = plan.maxUnavailable === 0 ? ' maxUnavailable is 0, so only not-ready pods are ever upgraded.' : '';
    reasons.push({
      code: 'MaxUnavailableExhausted',
      message: `maxUnavailable budget used up: ${plan.unavailable} of ${plan.maxUnavailable} pod(s) updated but not yet ready; ${plural(plan.queued.length, 'pod')} queued.${zero}`,
      pods: plan.queued.length,
    });
  }
  if (plan.notUpgradable.length > 0) {
    const n = plan.notUpgradable.length;
    reasons.push({
      code: 'NotUpgradable',
      message: `${plural(n, 'pod')} cannot be upgraded in place: the SidecarSet changed more than images. Recreate ${n === 1 ? 'it' : 'them'}.`,
      pods: n,
    });
  }
  if (plan.waiting.length > 0 && plan.heldByPartition.length === plan.waiting.length) {
    reasons.push({
      code: 'PartitionReached',
      message: `partition ${plan.partition} reached: the remaining ${plural(plan.waiting.length, 'waiting pod')} stay on the old revision.`,
      pods: plan.waiting.length,
    });
  }
  if (plan.notSelected.length > 0) {
    reasons.push({
      code: 'NotSelected',
      message: `${plural(plan.notSelected.length, 'pod')} outside updateStrategy.selector stay on the old revision.`,
      pods: plan.notSelected.length,
    });
  }
  return reasons;
}
