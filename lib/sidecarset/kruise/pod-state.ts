/**
 * Kruise's per-pod predicates (spec §3.2, §8.3), ported from pkg/control/sidecarcontrol so the dashboard reaches
 * the same verdicts the controller does: updated, upgradable, working/standby slot, consistent, Kruise-ready.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { kruiseDigestEqual, stripImageIdScheme, imageDigest } from './image-ref';
import { podInPlaceUpdateAnnotation, podUpgradeSpec, podWorkingMap } from './pod-annotations';
import {
  emptyImageOf,
  hotSlotNames,
  isHotUpgrade,
  sidecarContainersOf,
  sidecarPodContainerNames,
  sidecarSetHash,
  sidecarSetHashWithoutImage,
  sidecarSetName,
} from './sidecarset';
import type { SidecarSet } from './types';

/** Identity for maps and React keys: uid when known, else namespace/name. */
export function podKey(pod: Pod): string {
  return pod.metadata?.uid || `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

export function specContainer(pod: Pod, name: string): Container | undefined {
  return pod.spec?.containers.find((c) => c.name === name);
}

export function containerStatusOf(pod: Pod, name: string): ContainerStatus | undefined {
  return pod.status?.containerStatuses?.find((s) => s.name === name);
}

/** IsPodSidecarUpdated: pod hash for this SidecarSet equals the SidecarSet hash (both "" when missing, as in Go). */
export function isPodUpdated(ss: SidecarSet, pod: Pod): boolean {
  return (podUpgradeSpec(pod, sidecarSetName(ss))?.hash ?? '') === sidecarSetHash(ss);
}

/** First half of IsSidecarSetUpgradable: only an image-only change can be rolled out in place. */
export function isPodUpgradable(ss: SidecarSet, pod: Pod): boolean {
  return (podUpgradeSpec(pod, sidecarSetName(ss), 'withoutImage')?.hash ?? '') === sidecarSetHashWithoutImage(ss);
}

export interface HotSlots {
  working: string;
  standby: string;
  /** The working annotation names this sidecar. Without it Kruise silently takes `X-2` as working. */
  annotated: boolean;
}

/** GetPodHotUpgradeContainers: working = annotation says `X-1` ? `X-1` : `X-2` (note the default). */
export function hotSlots(pod: Pod, sidecarName: string): HotSlots {
  const [one, two] = hotSlotNames(sidecarName);
  const current = podWorkingMap(pod)?.[sidecarName];
  const workingIsOne = current === one;
  return { working: workingIsOne ? one : two, standby: workingIsOne ? two : one, annotated: current !== undefined };
}

/** IsSidecarContainerUpdateCompleted: has the kubelet reported a new imageID since Kruise changed the image? */
function inPlaceUpdateCompleted(ss: SidecarSet, pod: Pod, containers: ReadonlySet<string>): boolean {
  const annotation = podInPlaceUpdateAnnotation(pod);
  if (!annotation.present) return true;
  if (!annotation.states) return false;
  const last = annotation.states[sidecarSetName(ss)]?.lastContainerStatuses ?? {};
  for (const cs of pod.status?.containerStatuses ?? []) {
    if (!containers.has(cs.name)) continue;
    const recorded = last[cs.name];
    if (recorded === undefined) continue;
    // Same imageID as before the write while spec and status images differ: the kubelet has not caught up.
    const specImage = specContainer(pod, cs.name)?.image ?? '';
    if ((recorded.imageID ?? '') === (cs.imageID ?? '') && specImage !== (cs.image ?? '')) return false;
  }
  return true;
}

/**
 * IsPodStateConsistent(pod, C) (spec §3.2). C defaults to every pod container this SidecarSet owns.
 * If all containers of C use digest images, the status imageIDs decide; otherwise the in-place-update state does.
 */
export function isPodStateConsistent(ss: SidecarSet, pod: Pod, containers?: Iterable<string>): boolean {
  const specs = pod.spec?.containers ?? [];
  if (specs.length !== (pod.status?.containerStatuses?.length ?? 0)) return false;
  const set = new Set(containers ?? []);
  const names = set.size > 0 ? set : sidecarPodContainerNames(ss);
  let allDigest = true;
  for (const c of specs) {
    if (!names.has(c.name)) continue;
    // Only a reference with '@' can carry a digest; skip the full parse for the common tag-only case.
    if (!(c.image ?? '').includes('@') || imageDigest(c.image ?? '') === undefined) {
      allDigest = false;
      break;
    }
    const imageID = containerStatusOf(pod, c.name)?.imageID;
    if (imageID === undefined) return false;
    if (!kruiseDigestEqual(c.image ?? '', stripImageIdScheme(imageID))) return false;
  }
  if (allDigest) return true;
  return inPlaceUpdateCompleted(ss, pod, names);
}

/** podutil.IsPodReady: the Ready condition, which is what Services use. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod) && !pod.metadata?.deletionTimestamp;
}

/** Kruise's IsPodReady: every hot sidecar's standby slot is back on the empty image, and running+ready. */
export function isKruiseReady(ss: SidecarSet, pod: Pod): boolean {
  for (const c of sidecarContainersOf(ss)) {
    if (!isHotUpgrade(c)) continue;
    const empty = emptyImageOf(c);
    const standby = specContainer(pod, hotSlots(pod, c.name).standby);
    if (empty !== undefined && standby !== undefined && standby.image !== empty) return false;
  }
  return isRunningAndReady(pod);
}

/** Counted in status.readyPods (spec §1.5). */
export function isCountedReady(ss: SidecarSet, pod: Pod): boolean {
  return isPodStateConsistent(ss, pod) && isKruiseReady(ss, pod);
}

/** Second half of IsSidecarSetUpgradable: some sidecar container is ready but inconsistent (an update in flight). */
export function hasReadyButInconsistentSidecar(ss: SidecarSet, pod: Pod): boolean {
  for (const name of [...sidecarPodContainerNames(ss)].sort()) {
    if (containerStatusOf(pod, name)?.ready && !isPodStateConsistent(ss, pod, [name])) return true;
  }
  return false;
}
