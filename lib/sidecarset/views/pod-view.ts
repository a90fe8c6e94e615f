/**
 * One PodView (spec §8.3): everything the pod list, the pod detail page and the swimlanes show about a pod with
 * respect to one SidecarSet.
 */
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { containerReason, containerStateKind } from './container-health';
import { failureEventPredicate, startedEventPredicate } from './events';
import { kubectlColumns } from './kubectl';
import type { Membership } from '../kruise/membership';
import { podNamespace } from '../kruise/membership';
import { refinePending } from './pending';
import { coldSidecarPhase, hotSidecarPhase, lastAssignedAtMs, nonMemberPhase, worstPhase } from './phase';
import type { PhaseHints } from './phase';
import { phaseLabel, phaseSeverity } from './phase-labels';
import { podUpgradeSpec, slotVersions, upgradableCondition } from '../kruise/pod-annotations';
import {
  containerStatusOf,
  hotSlots,
  isKruiseReady,
  isPodReady,
  isPodStateConsistent,
  isPodUpdated,
  isPodUpgradable,
  specContainer,
} from '../kruise/pod-state';
import type { RolloutPlan } from '../kruise/rollout-plan';
import { emptyImageOf, hotSlotNames, isHotUpgrade, sidecarContainersOf, sidecarPodContainerNames, sidecarSetName } from '../kruise/sidecarset';
import { timeMs } from '../kruise/time';
import type { SidecarSet } from '../kruise/types';
import type { ColdSidecarView, HotSidecarView, PodView, SlotView } from './types';

export interface PodViewOptions {
  /** For kubectl AGE and `RESTARTS (5s ago)`. */
  nowMs?: number;
  /** core/v1 Events (any objects; filtered per pod) to tell Migrating from NewStarting and to catch hook failures. */
  events?: readonly Event[];
  /** The same, already narrowed to one pod: callers that index events by pod avoid a scan per pod. */
  eventsForPod?: (pod: Pod) => readonly Event[];
  /** See PhaseHints.pausedFreezesReset (false for Kruise <= 1.8). */
  pausedFreezesReset?: boolean;
}

export function slotView(ss: SidecarSet, pod: Pod, name: string, emptyImage?: string): SlotView {
  const spec = specContainer(pod, name);
  const st = containerStatusOf(pod, name);
  const last = st?.lastState?.terminated;
  return {
    container: name,
    specImage: spec?.image,
    statusImage: st?.image,
    imageID: st?.imageID,
    ready: st?.ready ?? false,
    started: st?.started,
    restartCount: st?.restartCount ?? 0,
    state: containerStateKind(st),
    reason: containerReason(st),
    exitCode: st?.state?.terminated?.exitCode,
    startedAtMs: timeMs(st?.state?.running?.startedAt),
    lastTerminated: last
      ? { exitCode: last.exitCode, reason: last.reason, finishedAtMs: timeMs(last.finishedAt) }
      : undefined,
    onEmptyImage: emptyImage !== undefined && spec?.image === emptyImage,
    consistent: isPodStateConsistent(ss, pod, [name]),
    ...slotVersions(pod, name),
  };
}

export function phaseHintsFor(pod: Pod, opts: PodViewOptions): PhaseHints {
  const events = opts.eventsForPod ? opts.eventsForPod(pod) : opts.events;
  return {
    hasStartedEventSince: events ? startedEventPredicate(events, pod) : undefined,
    hasFailureEventSince: events ? failureEventPredicate(events, pod) : undefined,
    pausedFreezesReset: opts.pausedFreezesReset,
  };
}

export function buildPodView(
  ss: SidecarSet,
  pod: Pod,
  membership: Membership,
  plan: RolloutPlan,
  opts: PodViewOptions = {},
): PodView {
  const hints = phaseHintsFor(pod, opts);
  const layoutOk = membership.consistentWithSS;
  const hotSidecars: HotSidecarView[] = [];
  const coldSidecars: ColdSidecarView[] = [];
  for (const c of sidecarContainersOf(ss)) {
    if (isHotUpgrade(c)) {
      const slots = hotSlots(pod, c.name);
      hotSidecars.push({
        name: c.name,
        workingSlot: slots.working,
        standbySlot: slots.standby,
        workingAnnotated: slots.annotated,
        slots: hotSlotNames(c.name)
          .filter((n) => specContainer(pod, n))
          .map((n) => slotView(ss, pod, n, emptyImageOf(c))),
        // Without both slots the spec's pseudocode has nothing to read; the pod is Unmanaged anyway.
        phase: layoutOk ? hotSidecarPhase(ss, pod, c, hints) : undefined,
      });
    } else {
      coldSidecars.push({
        name: c.name,
        slot: specContainer(pod, c.name) ? slotView(ss, pod, c.name) : undefined,
        phase: layoutOk ? coldSidecarPhase(ss, pod, c, hints) : undefined,
      });
    }
  }
  const owned = sidecarPodContainerNames(ss);
  const sidecarPhaseList = [...hotSidecars, ...coldSidecars].flatMap((s) => (s.phase ? [s.phase] : []));
  const upgradePhase = nonMemberPhase(membership) ?? worstPhase(sidecarPhaseList);
  const spec = podUpgradeSpec(pod, sidecarSetName(ss));
  return {
    namespace: podNamespace(pod),
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid,
    resourceVersion: pod.metadata?.resourceVersion,
    node: pod.spec?.nodeName,
    podIP: pod.status?.podIP,
    phase: pod.status?.phase,
    createdMs: timeMs(pod.metadata?.creationTimestamp),
    kubectl: kubectlColumns(pod, opts.nowMs),
    podReady: isPodReady(pod),
    kruiseReady: isKruiseReady(ss, pod),
    matches: membership.matches,
    active: membership.active,
    injected: membership.injected,
    consistentWithSS: membership.consistentWithSS,
    member: membership.member,
    selectedButNotInjected: membership.selectedButNotInjected,
    updated: isPodUpdated(ss, pod),
    upgradable: isPodUpgradable(ss, pod),
    hash: spec?.hash,
    controllerRevision: spec?.controllerRevision,
    lastAssignedAtMs: lastAssignedAtMs(ss, pod),
    upgradableCondition: upgradableCondition(pod),
    hotSidecars,
    coldSidecars,
    appContainers: (pod.spec?.containers ?? []).filter((c) => !owned.has(c.name)).map((c) => slotView(ss, pod, c.name)),
    upgradePhase,
    phaseLabel: phaseLabel(upgradePhase),
    severity: phaseSeverity(upgradePhase),
    pending: upgradePhase === 'Pending' ? refinePending(pod, plan) : undefined,
  };
}
