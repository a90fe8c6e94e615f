/**
 * Predicates on a pod for one SidecarSet (spec §3.2; pkg/control/sidecarcontrol/sidecarset_control.go,
 * util_hotupgrade.go; pkg/controller/sidecarset/sidecarset_hotupgrade.go).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isContainerImageEqual, isImageDigest, stripImageIdScheme } from './image';
import { getPodUpgradeSpec, parseInPlaceUpdateStates, parseWorkingMap } from './pod-annotations';
import {
  HOT_UPGRADE,
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
  type SidecarContainer,
  type SidecarSet,
} from './types';

export const isHotUpgradeContainer = (c: SidecarContainer): boolean => c.upgradeStrategy?.upgradeType === HOT_UPGRADE;

export const hotUpgradeContainerNames = (name: string): [string, string] => [`${name}-1`, `${name}-2`];

export const emptyImageOf = (c: SidecarContainer): string => c.upgradeStrategy?.hotUpgradeEmptyImage ?? '';

/** Working and standby slot of hot sidecar `sidecarName`; the working slot defaults to `-2` (util_hotupgrade.go:88-101). */
export function hotUpgradeSlots(sidecarName: string, pod: Pod): { working: string; standby: string } {
  const [n1, n2] = hotUpgradeContainerNames(sidecarName);
  return parseWorkingMap(pod)[sidecarName] === n1 ? { working: n1, standby: n2 } : { working: n2, standby: n1 };
}

/** Pod container names of all sidecars of the SidecarSet, both slots for hot ones. */
export function sidecarContainerNamesInPod(ss: SidecarSet): Set<string> {
  const names = new Set<string>();
  for (const c of ss.spec.containers ?? []) {
    if (isHotUpgradeContainer(c)) hotUpgradeContainerNames(c.name).forEach((n) => names.add(n));
    else names.add(c.name);
  }
  return names;
}

export const sidecarSetHashOf = (ss: SidecarSet): string => ss.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION] ?? '';
export const sidecarSetHashWithoutImageOf = (ss: SidecarSet): string =>
  ss.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] ?? '';

/** The pod-side view of the hash annotations (legacy `{ss: hash}` format understood). */
export function podSidecarSetHashes(pod: Pod, ssName: string): {
  hash: string;
  hashWithoutImage: string;
  updateTimestamp: string | null;
  controllerRevision: string;
} {
  const spec = getPodUpgradeSpec(pod, ssName, SIDECARSET_HASH_ANNOTATION);
  return {
    hash: spec.hash,
    hashWithoutImage: getPodUpgradeSpec(pod, ssName, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION).hash,
    updateTimestamp: spec.updateTimestamp,
    controllerRevision: spec.controllerRevision ?? '',
  };
}

/** "updated": the pod carries the SidecarSet's current hash. */
export function isPodSidecarUpdated(ss: SidecarSet, pod: Pod): boolean {
  return sidecarSetHashOf(ss) === podSidecarSetHashes(pod, ss.metadata.name ?? '').hash;
}

/** "upgradable": only images differ between the pod's sidecars and the SidecarSet. */
export function isPodSidecarUpgradable(ss: SidecarSet, pod: Pod): boolean {
  return podSidecarSetHashes(pod, ss.metadata.name ?? '').hashWithoutImage === sidecarSetHashWithoutImageOf(ss);
}

/** podutil.IsPodReady: condition Ready is True. */
export function isPodReadyCondition(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReadyCondition(pod) && !pod.metadata?.deletionTimestamp;
}

/**
 * IsSidecarContainerUpdateCompleted: a container recorded in lastContainerStatuses is still inconsistent
 * while the kubelet reports the recorded imageID and a status image different from the spec image.
 */
export function isSidecarContainerUpdateCompleted(pod: Pod, sidecarSetNames: Set<string>, containers: Set<string>): boolean {
  const parsed = parseInPlaceUpdateStates(pod);
  if (!parsed.present) return true;
  if (!parsed.ok) return false;
  const last = new Map<string, string | undefined>();
  for (const name of [...sidecarSetNames].sort()) {
    for (const [c, st] of Object.entries(parsed.states[name]?.lastContainerStatuses ?? {})) last.set(c, st.imageID);
  }
  const specImages = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']));
  for (const cs of pod.status?.containerStatuses ?? []) {
    if (!containers.has(cs.name) || !last.has(cs.name)) continue;
    if ((last.get(cs.name) ?? '') === (cs.imageID ?? '') && (specImages.get(cs.name) ?? '') !== (cs.image ?? '')) {
      return false;
    }
  }
  return true;
}

/**
 * IsPodStateConsistent for `containers` (default: every sidecar container of the SidecarSet). With digest
 * images the imageIDs are compared; otherwise the in-place-update-state annotation decides.
 */
export function isPodStateConsistent(ss: SidecarSet, pod: Pod, containers?: Iterable<string>): boolean {
  const specContainers = pod.spec?.containers ?? [];
  if (specContainers.length !== (pod.status?.containerStatuses ?? []).length) return false;
  let names = new Set(containers ?? []);
  if (names.size === 0) names = sidecarContainerNamesInPod(ss);
  const imageIDs = new Map((pod.status?.containerStatuses ?? []).map((c) => [c.name, stripImageIdScheme(c.imageID ?? '')]));
  let allDigest = true;
  for (const c of specContainers) {
    if (!names.has(c.name)) continue;
    if (!isImageDigest(c.image ?? '')) {
      allDigest = false;
      break;
    }
    const id = imageIDs.get(c.name);
    if (id === undefined || !isContainerImageEqual(c.image ?? '', id)) return false;
  }
  if (allDigest) return true;
  return isSidecarContainerUpdateCompleted(pod, new Set([ss.metadata.name ?? '']), names);
}

/** Kruise's IsPodReady: every standby slot runs the empty image, and the pod is Running+Ready, not deleting. */
export function isPodKruiseReady(ss: SidecarSet, pod: Pod): boolean {
  const emptyByStandby = new Map<string, string>();
  for (const c of ss.spec.containers ?? []) {
    if (isHotUpgradeContainer(c)) emptyByStandby.set(hotUpgradeSlots(c.name, pod).standby, emptyImageOf(c));
  }
  for (const c of pod.spec?.containers ?? []) {
    const empty = emptyByStandby.get(c.name);
    if (empty && c.image !== empty) return false;
  }
  return isRunningAndReady(pod);
}

/** "counted ready" in status, and the complement of "unavailable" for maxUnavailable. */
export const isPodConsistentAndReady = (ss: SidecarSet, pod: Pod): boolean =>
  isPodStateConsistent(ss, pod) && isPodKruiseReady(ss, pod);

/**
 * IsSidecarSetUpgradable: `canUpgrade` false means NotUpgradable; `consistent` false means some sidecar slot
 * is ready but still inconsistent (an in-place update in flight), so the pod is skipped this round.
 */
export function isSidecarSetUpgradable(ss: SidecarSet, pod: Pod): { canUpgrade: boolean; consistent: boolean } {
  if (!isPodSidecarUpgradable(ss, pod)) return { canUpgrade: false, consistent: false };
  const ready = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s.ready === true]));
  for (const name of [...sidecarContainerNamesInPod(ss)].sort()) {
    if (ready.get(name) && !isPodStateConsistent(ss, pod, [name])) return { canUpgrade: true, consistent: false };
  }
  return { canUpgrade: true, consistent: true };
}

/** Some hot sidecar's standby slot has a spec image other than the empty image (sidecarset_hotupgrade.go:138-153). */
export function isPodSidecarInHotUpgrading(ss: SidecarSet, pod: Pod): boolean {
  const images = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']));
  return (ss.spec.containers ?? []).some(
    (c) => isHotUpgradeContainer(c) && (images.get(hotUpgradeSlots(c.name, pod).standby) ?? '') !== emptyImageOf(c),
  );
}

/** Running+Ready, or every container except the standby slots is ready (sidecarset_hotupgrade.go:109-134). */
export function isHotUpgradingReady(ss: SidecarSet, pod: Pod): boolean {
  if (isRunningAndReady(pod)) return true;
  const standby = new Set(
    (ss.spec.containers ?? []).filter(isHotUpgradeContainer).map((c) => hotUpgradeSlots(c.name, pod).standby),
  );
  return (pod.status?.containerStatuses ?? []).every((s) => standby.has(s.name) || s.ready === true);
}

/** Sidecar container names without the standby slots: what must be consistent before a reset. */
export function sidecarContainersExceptStandby(ss: SidecarSet, pod: Pod): Set<string> {
  const names = sidecarContainerNamesInPod(ss);
  for (const c of ss.spec.containers ?? []) {
    if (isHotUpgradeContainer(c)) names.delete(hotUpgradeSlots(c.name, pod).standby);
  }
  return names;
}

/** All three conditions of the reset pass (spec §3.1 step 7): the pod may get its standby slot reset now. */
export function needsHotUpgradeReset(ss: SidecarSet, pod: Pod): boolean {
  return isPodSidecarInHotUpgrading(ss, pod) &&
    isPodStateConsistent(ss, pod, sidecarContainersExceptStandby(ss, pod)) &&
    isHotUpgradingReady(ss, pod);
}
