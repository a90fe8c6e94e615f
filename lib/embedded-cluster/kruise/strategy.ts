/**
 * Which pods the next rollout pass upgrades (spec §4; pkg/controller/sidecarset/sidecarset_strategy.go).
 * `pods` are the SidecarSet's matched pods (see membership.ts) and their order is the index order Kruise
 * sorts from.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../apimachinery/label-selector';
import { calculateMaxUnavailable, calculatePartitionReplicas } from './intstr';
import { isPodConsistentAndReady, isPodKruiseReady, isPodSidecarUpdated, isSidecarSetUpgradable } from './pod-state';
import type { SidecarSet } from './types';
import { sortUpdateIndexes } from './update-sort';

export interface NextUpgradePods {
  /** To upgrade now, in order. */
  upgrade: Pod[];
  /** Not updated, selected, but with a non-image change: they get SidecarSetUpgradable=False. */
  notUpgradable: Pod[];
  /** Not updated, selected, upgradable and with no update in flight, in update order (before partition). */
  waiting: Pod[];
}

/** updateStrategy.selector: nil selects every pod. */
function isSelected(ss: SidecarSet, pod: Pod): boolean {
  const sel = ss.spec.updateStrategy?.selector;
  return sel === undefined || matchesLabelSelector(sel, pod.metadata?.labels ?? {});
}

/**
 * calculateUpgradeCount: keep the last `partition` waiting pods, then take pods in order; a pod that is not
 * Kruise-ready is always taken and costs nothing, the others stop once the unavailable budget is used.
 */
export function calculateUpgradeCount(ss: SidecarSet, waitIndexes: readonly number[], pods: readonly Pod[]): number {
  const total = pods.length;
  const strategy = ss.spec.updateStrategy ?? {};
  const partition = calculatePartitionReplicas(strategy.partition, total);
  if (waitIndexes.length - partition <= 0) return 0;
  const candidates = waitIndexes.slice(0, waitIndexes.length - partition);
  const maxUnavailable = calculateMaxUnavailable(strategy.maxUnavailable, total);
  let unavailable = pods.filter((p) => isPodSidecarUpdated(ss, p) && !isPodConsistentAndReady(ss, p)).length;
  let count = 0;
  for (const i of candidates) {
    const pod = pods[i];
    if (pod === undefined) continue;
    if (!isPodKruiseReady(ss, pod)) {
      count++;
      continue;
    }
    if (unavailable >= maxUnavailable) break;
    unavailable++;
    count++;
  }
  return count;
}

/** GetNextUpgradePods. */
export function getNextUpgradePods(ss: SidecarSet, pods: readonly Pod[]): NextUpgradePods {
  const waitIndexes: number[] = [];
  const notUpgradable: Pod[] = [];
  pods.forEach((pod, index) => {
    if (isPodSidecarUpdated(ss, pod) || !isSelected(ss, pod)) return;
    const { canUpgrade, consistent } = isSidecarSetUpgradable(ss, pod);
    if (canUpgrade && consistent) waitIndexes.push(index);
    else if (!canUpgrade) notUpgradable.push(pod);
  });
  const ordered = sortUpdateIndexes(ss.spec.updateStrategy ?? {}, pods, waitIndexes);
  const count = calculateUpgradeCount(ss, ordered, pods);
  const pick = (idx: readonly number[]): Pod[] => idx.flatMap((i) => (pods[i] === undefined ? [] : [pods[i]]));
  return { upgrade: pick(ordered.slice(0, count)), notUpgradable, waiting: pick(ordered) };
}
