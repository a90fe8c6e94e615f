/**
 * Upgrade phase of each sidecar in a pod, and of the pod as a whole (spec §8.4). hotSidecarPhase follows the
 * spec's hotPhase pseudocode line by line; the inputs that need I/O (events) or history (a previous snapshot)
 * come in as optional hints.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isContainerFailing } from './container-health';
import type { ContainerEventPredicate } from './events';
import type { Membership } from '../kruise/membership';
import { podUpgradeSpec } from '../kruise/pod-annotations';
import { containerStatusOf, hotSlots, isPodStateConsistent, isPodUpdated, isPodUpgradable, specContainer } from '../kruise/pod-state';
import { phaseRank } from './phase-labels';
import { emptyImageOf, isHotUpgrade, isRolloutFrozen, sidecarContainersOf, sidecarSetName } from '../kruise/sidecarset';
import { timeMs } from '../kruise/time';
import type { SidecarContainer, SidecarSet } from '../kruise/types';
import type { ColdPhase, HotPhase, PodUpgradePhase, SidecarPhase } from './types';

export interface PhaseHints {
  /**
   * A kubelet `Started` event for the container at or after sinceMs (the pod's lastAssignedAt): the new slot's
   * postStart is running, so S3 Migrating rather than S2 NewStarting. Build it with startedEventPredicate.
   * Without it, Migrating is reported only when the status already shows the new instance running since the
   * assignment; a real kubelet does not publish status while postStart blocks, so S2 and S3 both read NewStarting.
   */
  hasStartedEventSince?: ContainerEventPredicate;
  /** FailedPostStartHook / BackOff / Failed for the container since the assignment (failureEventPredicate). */
  hasFailureEventSince?: ContainerEventPredicate;
  /** An earlier snapshot of the same pod, so a crash (restartCount rising on the same image) counts as Failed. */
  previousPod?: Pod;
  /**
   * Kruise >= 1.9 does not reset the old slot while paused or NotUpdate (FrozenBothRunning). Pass false for
   * Kruise <= 1.8, which still resets (then the phase reads ReadyToReset). Default true.
   */
  pausedFreezesReset?: boolean;
}

/** When this SidecarSet last assigned a revision to the pod: the hash annotation's updateTimestamp. */
export function lastAssignedAtMs(ss: SidecarSet, pod: Pod): number | undefined {
  return timeMs(podUpgradeSpec(pod, sidecarSetName(ss))?.updateTimestamp);
}

function failing(pod: Pod, container: string, hints: PhaseHints): boolean {
  const prev = hints.previousPod ? containerStatusOf(hints.previousPod, container) : undefined;
  return isContainerFailing(containerStatusOf(pod, container), prev);
}

function newInstanceStarted(pod: Pod, container: string, since: number | undefined, hints: PhaseHints): boolean {
  if (hints.hasStartedEventSince) return hints.hasStartedEventSince(container, since);
  const startedAt = timeMs(containerStatusOf(pod, container)?.state?.running?.startedAt);
  return since !== undefined && startedAt !== undefined && startedAt >= since;
}

/** hotPhase(ss, pod, X) of spec §8.4. */
export function hotSidecarPhase(ss: SidecarSet, pod: Pod, sidecar: SidecarContainer, hints: PhaseHints = {}): HotPhase {
  const empty = emptyImageOf(sidecar);
  const { working, standby } = hotSlots(pod, sidecar.name);
  if (failing(pod, working, hints) || failing(pod, standby, hints)) return 'Failed';
  const since = lastAssignedAtMs(ss, pod);
  if (specContainer(pod, standby)?.image !== empty) {
    // Both slots carry real images: mid-upgrade (S2-S4).
    if (!isPodStateConsistent(ss, pod, [working])) {
      if (hints.hasFailureEventSince?.(working, since)) return 'Failed';
      return newInstanceStarted(pod, working, since, hints) ? 'Migrating' : 'NewStarting';
    }
    if (!containerStatusOf(pod, working)?.ready) {
      return hints.hasFailureEventSince?.(working, since) ? 'Failed' : 'NewNotReady';
    }
    const frozen = (hints.pausedFreezesReset ?? true) && isRolloutFrozen(ss);
    return frozen ? 'FrozenBothRunning' : 'ReadyToReset';
  }
  if (!isPodStateConsistent(ss, pod, [standby])) return 'ResettingOld';
  if (!isPodUpdated(ss, pod)) return isPodUpgradable(ss, pod) ? 'Pending' : 'NotUpgradable';
  return 'Done';
}

/** A cold sidecar is Upgrading while the kubelet has not reported its new image (spec §3.5). */
export function coldSidecarPhase(ss: SidecarSet, pod: Pod, sidecar: SidecarContainer, hints: PhaseHints = {}): ColdPhase {
  if (failing(pod, sidecar.name, hints)) return 'Failed';
  if (!isPodStateConsistent(ss, pod, [sidecar.name])) {
    return hints.hasFailureEventSince?.(sidecar.name, lastAssignedAtMs(ss, pod)) ? 'Failed' : 'Upgrading';
  }
  if (!isPodUpdated(ss, pod)) return isPodUpgradable(ss, pod) ? 'Pending' : 'NotUpgradable';
  return 'Done';
}

export interface SidecarPhaseEntry {
  name: string;
  hot: boolean;
  phase: SidecarPhase;
}

/** Phase of every sidecar of the SidecarSet in this pod; assumes the pod's layout fits (a member). */
export function sidecarPhases(ss: SidecarSet, pod: Pod, hints: PhaseHints = {}): SidecarPhaseEntry[] {
  return sidecarContainersOf(ss).map((c) =>
    isHotUpgrade(c)
      ? { name: c.name, hot: true, phase: hotSidecarPhase(ss, pod, c, hints) }
      : { name: c.name, hot: false, phase: coldSidecarPhase(ss, pod, c, hints) },
  );
}

/** The phase that needs attention first; `Done` for none. */
export function worstPhase(phases: readonly SidecarPhase[]): SidecarPhase {
  let worst: SidecarPhase = 'Done';
  for (const p of phases) if (phaseRank(p) > phaseRank(worst)) worst = p;
  return worst;
}

/** Why Kruise ignores a pod, or undefined for a member (whose phase comes from its sidecars). */
export function nonMemberPhase(membership: Membership): PodUpgradePhase | undefined {
  if (!membership.active) return 'Inactive';
  if (!membership.injected) return 'NotInjected';
  if (!membership.member) return 'Unmanaged';
  return undefined;
}

/** The pod's phase for this SidecarSet: why Kruise ignores it, or the worst sidecar phase. */
export function podUpgradePhase(
  ss: SidecarSet,
  pod: Pod,
  membership: Membership,
  hints: PhaseHints = {},
): PodUpgradePhase {
  return nonMemberPhase(membership) ?? worstPhase(sidecarPhases(ss, pod, hints).map((e) => e.phase));
}
