/**
 * SidecarSet-level view (spec §8.1) and the pod views beneath it, computed together because the summary's
 * in-flight count, phase counts and blocked reasons are all read off the pods.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { blockedReasons } from './blocked';
import { formatLabelSelector, isEmptyLabelSelector } from '../kruise/label-selector';
import { effectiveNamespaceSelector, namespaceIndex, podMembership } from '../kruise/membership';
import type { Membership, NamespacesInput } from '../kruise/membership';
import { isInFlightPhase } from './phase-labels';
import { buildPodView } from './pod-view';
import type { PodViewOptions } from './pod-view';
import { pendingPlanKey } from './pending';
import { planRollout, podFacts } from '../kruise/rollout-plan';
import type { FactsOf, PodFacts, RolloutPlan } from '../kruise/rollout-plan';
import {
  customVersionOf,
  emptyImageOf,
  isInjectionPaused,
  isNotUpdate,
  isUpdatePaused,
  podInjectPolicyOf,
  shareVolumePolicyOf,
  sidecarContainersOf,
  sidecarSetHash,
  sidecarSetHashWithoutImage,
  sidecarSetName,
  sidecarSetVersion,
  upgradeTypeOf,
} from '../kruise/sidecarset';
import type { SidecarSet } from '../kruise/types';
import type { Counters, Fraction, PodUpgradePhase, PodView, SidecarSetSummary } from './types';

/**
 * What one pod contributed to an earlier view of the same SidecarSet: its membership, and its view under a plan
 * that placed it the same way (pendingPlanKey). Keyed by the pod object, which a watch cache replaces on every
 * change, so an unchanged pod is found and a changed one is not.
 */
export interface PodMemo {
  membership: Membership;
  /** For members: what the plan and counters read of it. */
  facts?: PodFacts;
  planKey?: string;
  view?: PodView;
}

export interface SidecarSetViewOptions extends PodViewOptions {
  /**
   * Reuse per-pod work across recomputations: valid only for the same SidecarSet object and namespaces, and
   * for pods whose Events did not change since (the caller drops the memo, or the pod's entry, otherwise).
   */
  memo?: WeakMap<Pod, PodMemo>;
}

function fraction(count: number, total: number): Fraction {
  return { count, total, fraction: total > 0 ? count / total : 0 };
}

function statusCounters(ss: SidecarSet): Counters {
  const s = ss.status;
  return {
    matched: s?.matchedPods ?? 0,
    updated: s?.updatedPods ?? 0,
    ready: s?.readyPods ?? 0,
    updatedReady: s?.updatedReadyPods ?? 0,
  };
}

/** status counters recomputed from the member pods with calculateStatus's rules. */
function liveCounters(members: readonly Pod[], factsOf: FactsOf): Counters {
  let updated = 0;
  let ready = 0;
  let updatedReady = 0;
  for (const p of members) {
    const { updated: u, countedReady: r } = factsOf(p);
    if (u) updated++;
    if (r) ready++;
    if (u && r) updatedReady++;
  }
  return { matched: members.length, updated, ready, updatedReady };
}

/** status lags: the controller has not seen this generation, or (NotUpdate) pod events never trigger it. */
export function isStatusStale(ss: SidecarSet): boolean {
  const generation = ss.metadata.generation;
  const observed = ss.status?.observedGeneration;
  if (isNotUpdate(ss)) return true;
  if (generation === undefined) return false;
  return observed === undefined || observed < generation;
}

export interface SidecarSetView {
  summary: SidecarSetSummary;
  /** Pods that match the selectors or list the SidecarSet as injected, in input order. */
  pods: PodView[];
  plan: RolloutPlan;
}

function summarize(ss: SidecarSet, members: readonly Pod[], views: readonly PodView[], plan: RolloutPlan, factsOf: FactsOf): SidecarSetSummary {
  const strategy = ss.spec.updateStrategy;
  const counters = statusCounters(ss);
  const phaseCounts: Partial<Record<PodUpgradePhase, number>> = {};
  for (const v of views) phaseCounts[v.upgradePhase] = (phaseCounts[v.upgradePhase] ?? 0) + 1;
  const memberViews = views.filter((v) => v.member);
  const inFlight = memberViews.filter((v) => isInFlightPhase(v.upgradePhase)).length;
  const nsSel = effectiveNamespaceSelector(ss);
  return {
    name: sidecarSetName(ss),
    uid: ss.metadata.uid,
    apiVersion: sidecarSetVersion(ss),
    generation: ss.metadata.generation,
    observedGeneration: ss.status?.observedGeneration,
    statusStale: isStatusStale(ss),
    hash: sidecarSetHash(ss) || undefined,
    hashWithoutImage: sidecarSetHashWithoutImage(ss) || undefined,
    latestRevision: ss.status?.latestRevision,
    customVersion: customVersionOf(ss),
    containers: sidecarContainersOf(ss).map((c) => ({
      name: c.name,
      image: c.image ?? '',
      upgradeType: upgradeTypeOf(c),
      emptyImage: emptyImageOf(c),
      podInjectPolicy: podInjectPolicyOf(c),
      shareVolumePolicy: shareVolumePolicyOf(c),
    })),
    updateStrategy: {
      type: isNotUpdate(ss) ? 'NotUpdate' : 'RollingUpdate',
      paused: isUpdatePaused(ss),
      partition: strategy?.partition ?? undefined,
      partitionCount: plan.partition,
      maxUnavailable: strategy?.maxUnavailable ?? undefined,
      maxUnavailableCount: plan.maxUnavailable,
      selectorText: strategy?.selector ? formatLabelSelector(strategy.selector) : undefined,
      hasPriorityStrategy: Boolean(strategy?.priorityStrategy),
      hasScatterStrategy: (strategy?.scatterStrategy?.length ?? 0) > 0,
    },
    injectionPaused: isInjectionPaused(ss),
    selectorText: formatLabelSelector(ss.spec.selector),
    namespaceSelectorText: nsSel && !isEmptyLabelSelector(nsSel) ? formatLabelSelector(nsSel) : '<all namespaces>',
    namespace: ss.spec.namespace || undefined,
    counters,
    liveCounters: liveCounters(members, factsOf),
    progress: {
      assigned: fraction(counters.updated, counters.matched),
      completed: fraction(counters.updatedReady, counters.matched),
    },
    inFlight,
    inFlightFromStatus: Math.max(0, counters.updated - counters.updatedReady),
    selectedButNotInjected: views.filter((v) => v.selectedButNotInjected).length,
    phaseCounts,
    blockedReasons: blockedReasons(ss, plan, memberViews),
  };
}

/** Summary plus pod views in one pass. `pods` may be every pod of the cluster; unrelated ones are skipped. */
export function sidecarSetView(
  ss: SidecarSet,
  pods: readonly Pod[],
  namespaces: NamespacesInput,
  opts: SidecarSetViewOptions = {},
): SidecarSetView {
  const index = namespaceIndex(namespaces);
  const memo = opts.memo;
  const related: Array<{ pod: Pod; membership: Membership; memo?: PodMemo }> = [];
  for (const pod of pods) {
    let m = memo?.get(pod);
    if (memo && !m) memo.set(pod, (m = { membership: podMembership(ss, pod, index) }));
    const membership = m?.membership ?? podMembership(ss, pod, index);
    if (membership.matches || membership.injected) related.push({ pod, membership, memo: m });
  }
  const members = related.filter((r) => r.membership.member).map((r) => r.pod);
  const factsOf: FactsOf = memo
    ? (pod) => {
        const m = memo.get(pod) as PodMemo;
        return (m.facts ??= podFacts(ss, pod));
      }
    : (pod) => podFacts(ss, pod);
  const plan = planRollout(ss, members, factsOf);
  const views = related.map((r) => {
    if (!r.memo) return buildPodView(ss, r.pod, r.membership, plan, opts);
    // The plan is rebuilt every time (it spans all pods), but a pod's view reads only its own place in it.
    const planKey = pendingPlanKey(r.pod, plan);
    if (r.memo.view && r.memo.planKey === planKey) return r.memo.view;
    r.memo.planKey = planKey;
    return (r.memo.view = buildPodView(ss, r.pod, r.membership, plan, opts));
  });
  return { summary: summarize(ss, members, views, plan, factsOf), pods: views, plan };
}

export function summarizeSidecarSet(
  ss: SidecarSet,
  pods: readonly Pod[],
  namespaces: NamespacesInput,
  opts: SidecarSetViewOptions = {},
): SidecarSetSummary {
  return sidecarSetView(ss, pods, namespaces, opts).summary;
}

export function podViews(
  ss: SidecarSet,
  pods: readonly Pod[],
  namespaces: NamespacesInput,
  opts: SidecarSetViewOptions = {},
): PodView[] {
  return sidecarSetView(ss, pods, namespaces, opts).pods;
}
