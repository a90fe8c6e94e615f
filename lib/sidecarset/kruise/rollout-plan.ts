/**
 * What Kruise's next upgrade pass would do with the member pods: GetNextUpgradePods + calculateUpgradeCount
 * (spec §4.1-§4.4). The dashboard uses it to explain `Pending` pods and to name what blocks a rollout.
 * Approximation: a pass that flips (resets) some pod upgrades nobody (v1.9+); the plan ignores that one-pass delay.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { maxUnavailableReplicas, partitionReplicas } from './int-or-percent';
import { labelSelectorMatches } from './label-selector';
import { sortUpdateIndexes } from './pod-order';
import {
  hasReadyButInconsistentSidecar,
  isCountedReady,
  isKruiseReady,
  isPodUpdated,
  isPodUpgradable,
  podKey,
} from './pod-state';
import { isNotUpdate, isUpdatePaused } from './sidecarset';
import type { SidecarSet } from './types';

export interface RolloutPlan {
  /** Number of member pods (status.matchedPods). */
  total: number;
  partition: number;
  partitionInvalid: boolean;
  maxUnavailable: number;
  maxUnavailableInvalid: boolean;
  /** Pods using the maxUnavailable budget now: updated but not (consistent and Kruise-ready). */
  unavailable: number;
  /** Not updated, selected, upgradable and settled: keys in Kruise's update order. */
  waiting: string[];
  /** What the next pass would upgrade (when not paused). */
  next: string[];
  /** The last `partition` waiting pods, kept on the old revision. */
  heldByPartition: string[];
  /** Candidates beyond the maxUnavailable budget. */
  queued: string[];
  /** Not updated, outside updateStrategy.selector. */
  notSelected: string[];
  /** Not updated, hash-without-image differs: never upgraded in place. */
  notUpgradable: string[];
  /** Not updated, but some sidecar slot is ready and inconsistent: skipped until the kubelet catches up. */
  skippedInFlight: string[];
  /** A Kruise-ready candidate had to stop because the budget was used up. */
  budgetExhausted: boolean;
  frozen?: 'Paused' | 'NotUpdate';
}

function selectedForUpdate(ss: SidecarSet, pod: Pod): boolean {
  const sel = ss.spec.updateStrategy?.selector;
  return sel === null || sel === undefined || labelSelectorMatches(sel, pod.metadata?.labels);
}

/**
 * What the plan and the status counters read of one pod, a function of the pod and the SidecarSet only. A
 * caller that recomputes often (the dashboard, once per watch event) keeps these per pod object (PodMemo).
 */
export interface PodFacts {
  updated: boolean;
  /** Consistent and Kruise-ready: counted in readyPods, and not consuming the budget. */
  countedReady: boolean;
  /** For a pod not updated: which list it goes to before ordering. */
  standing?: 'notSelected' | 'notUpgradable' | 'skippedInFlight' | 'waiting';
}

export type FactsOf = (pod: Pod) => PodFacts;

/** Consumes the maxUnavailable budget: updated but not (consistent and Kruise-ready) (spec §4.4). */
function usesBudget(f: PodFacts): boolean {
  return f.updated && !f.countedReady;
}

export function podFacts(ss: SidecarSet, pod: Pod): PodFacts {
  const updated = isPodUpdated(ss, pod);
  const facts: PodFacts = { updated, countedReady: isCountedReady(ss, pod) };
  if (!updated) {
    if (!selectedForUpdate(ss, pod)) facts.standing = 'notSelected';
    else if (!isPodUpgradable(ss, pod)) facts.standing = 'notUpgradable';
    else if (hasReadyButInconsistentSidecar(ss, pod)) facts.standing = 'skippedInFlight';
    else facts.standing = 'waiting';
  }
  return facts;
}

/** `members` must be the pods podMembership calls members: exactly Kruise's matched pods. */
export function planRollout(ss: SidecarSet, members: readonly Pod[], factsOf: FactsOf = (p) => podFacts(ss, p)): RolloutPlan {
  const strategy = ss.spec.updateStrategy;
  const total = members.length;
  const partition = partitionReplicas(strategy?.partition, total);
  const maxUnavailable = maxUnavailableReplicas(strategy?.maxUnavailable, total);
  const plan: RolloutPlan = {
    total,
    partition: partition.value,
    partitionInvalid: partition.invalid,
    maxUnavailable: maxUnavailable.value,
    maxUnavailableInvalid: maxUnavailable.invalid,
    unavailable: members.filter((p) => usesBudget(factsOf(p))).length,
    waiting: [],
    next: [],
    heldByPartition: [],
    queued: [],
    notSelected: [],
    notUpgradable: [],
    skippedInFlight: [],
    budgetExhausted: false,
    frozen: isNotUpdate(ss) ? 'NotUpdate' : isUpdatePaused(ss) ? 'Paused' : undefined,
  };
  const waitingIdx: number[] = [];
  members.forEach((pod, i) => {
    const { standing } = factsOf(pod);
    if (standing === undefined) return;
    if (standing === 'waiting') waitingIdx.push(i);
    else plan[standing].push(podKey(pod));
  });
  const ordered = sortUpdateIndexes(strategy, members, waitingIdx);
  plan.waiting = ordered.map((i) => podKey(members[i] as Pod));
  const candidateCount = Math.max(0, ordered.length - plan.partition);
  plan.heldByPartition = plan.waiting.slice(candidateCount);
  let unavailable = plan.unavailable;
  for (const i of ordered.slice(0, candidateCount)) {
    const pod = members[i] as Pod;
    const key = podKey(pod);
    // Kruise `break`s at the first ready pod over budget, so everything after it waits too.
    if (plan.budgetExhausted) plan.queued.push(key);
    // Not-ready pods are upgraded at once and do not consume the budget (spec §4.4).
    else if (!isKruiseReady(ss, pod)) plan.next.push(key);
    else if (unavailable >= plan.maxUnavailable) {
      plan.budgetExhausted = true;
      plan.queued.push(key);
    } else {
      unavailable++;
      plan.next.push(key);
    }
  }
  return plan;
}
