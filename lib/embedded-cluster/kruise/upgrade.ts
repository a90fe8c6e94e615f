/**
 * The two pod writes of an in-place (hot) upgrade, as pure functions returning the new pod (spec §3.3):
 * S2 "upgrade" (sidecarset_processor.go updatePodSidecarContainer + updatePodSidecarAndHash) and
 * S5 "reset" (sidecarset_hotupgrade.go flipPodSidecarContainerDo). Only images and annotations change,
 * which is all the Pod API lets an update change.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseInPlaceUpdateStates, parseUpgradeSpecs, serializeInPlaceUpdateStates, serializeStringMap, serializeUpgradeSpecs, parseWorkingMap, toGoTime } from './pod-annotations';
import { patchPodMetadata } from './patch-metadata';
import {
  emptyImageOf,
  hotUpgradeContainerNames,
  hotUpgradeSlots,
  isHotUpgradeContainer,
  isPodStateConsistent,
  sidecarSetHashOf,
} from './pod-state';
import {
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
  SIDECARSET_INPLACE_UPDATE_STATE_ANNOTATION,
  SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION,
  versionAltAnnotation,
  versionAnnotation,
  type SidecarContainer,
  type SidecarSet,
  type SidecarSetUpgradeSpec,
} from './types';

export interface UpgradeOptions {
  /** The reconcile's "now" (metav1.Now()), RFC 3339. */
  nowIso: string;
  /** The SidecarSet resourceVersion this reconcile read; defaults to ss.metadata.resourceVersion. */
  ssResourceVersion?: string;
  /** ss.status.latestRevision as just registered; defaults to the one on the object. */
  latestRevision?: string;
}

export interface PodWriteResult {
  pod: Pod;
  /** Pod container names whose image changed. */
  changedContainers: string[];
}

/** util.GetContainer: init containers first, then containers. */
function findContainer(pod: Pod, name: string): Container | undefined {
  return (pod.spec?.initContainers ?? []).find((c) => c.name === name) ??
    (pod.spec?.containers ?? []).find((c) => c.name === name);
}

/** Sorted sidecar names recorded in the hash annotation: native-sidecar init containers plus containers. */
export function sidecarListOf(ss: SidecarSet): string[] {
  const names = new Set<string>();
  for (const c of ss.spec.initContainers ?? []) if (c.restartPolicy === 'Always') names.add(c.name);
  for (const c of ss.spec.containers ?? []) names.add(c.name);
  return [...names].sort();
}

/**
 * findContainerToHotUpgrade (util_hotupgrade.go:104-135): the slot running the empty image, else the slot
 * that is not (ready and consistent) while the other is, else the non-working slot. Returns [upgrade, other].
 */
export function findContainerToHotUpgrade(sidecar: SidecarContainer, pod: Pod, ss: SidecarSet): [string, string] {
  const byName = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c]));
  const [n1, n2] = hotUpgradeContainerNames(sidecar.name);
  const c1 = byName.get(n1);
  const c2 = byName.get(n2);
  const empty = emptyImageOf(sidecar);
  if ((c1?.image ?? '') === empty) return [c1?.name ?? '', c2?.name ?? ''];
  if ((c2?.image ?? '') === empty) return [c2?.name ?? '', c1?.name ?? ''];
  const readyOf = (name: string): boolean =>
    (pod.status?.containerStatuses ?? []).find((s) => s.name === name)?.ready === true &&
    isPodStateConsistent(ss, pod, [name]);
  const r1 = readyOf(c1?.name ?? '');
  const r2 = readyOf(c2?.name ?? '');
  if (r1 && !r2) return [c2?.name ?? '', c1?.name ?? ''];
  if (!r1 && r2) return [c1?.name ?? '', c2?.name ?? ''];
  const { working, standby } = hotUpgradeSlots(sidecar.name, pod);
  return [standby, working];
}

/** UpdatePodSidecarSetHash (util.go:219-262), including its legacy-format conversion quirks. */
function writePodHash(annotations: Record<string, string>, ss: SidecarSet, now: string, latestRevision: string): void {
  const ssName = ss.metadata.name ?? '';
  const parsed = parseUpgradeSpecs(annotations[SIDECARSET_HASH_ANNOTATION] ?? '');
  let specs: Record<string, SidecarSetUpgradeSpec> = {};
  const converted = (hash: string): SidecarSetUpgradeSpec =>
    ({ updateTimestamp: now, hash, sidecarSetName: ssName, sidecarList: null });
  if (annotations[SIDECARSET_HASH_ANNOTATION] && parsed.ok && !parsed.legacy) {
    specs = parsed.specs;
  } else {
    const legacy = { ...(parsed.legacyHashes ?? {}) };
    for (const [k, v] of Object.entries(legacy)) specs[k] = converted(v);
    const noImage = parseUpgradeSpecs(annotations[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] ?? '');
    if (noImage.legacy) {
      // Kruise decodes into the same map, so keys of both legacy annotations end up in the rewrite.
      Object.assign(legacy, noImage.legacyHashes);
      const rewritten: Record<string, SidecarSetUpgradeSpec> = {};
      for (const [k, v] of Object.entries(legacy)) rewritten[k] = converted(v);
      annotations[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] = serializeUpgradeSpecs(rewritten);
    }
  }
  specs[ssName] = {
    updateTimestamp: now,
    hash: sidecarSetHashOf(ss),
    sidecarSetName: ssName,
    sidecarList: sidecarListOf(ss),
    ...(latestRevision ? { controllerRevision: latestRevision } : {}),
  };
  annotations[SIDECARSET_HASH_ANNOTATION] = serializeUpgradeSpecs(specs);
}

/**
 * UpdatePodAnnotationsInUpgrade (sidecarset_control.go:99-140): record the pre-update imageID of each changed
 * container. An existing entry for the SidecarSet is reused: its revision and updateTimestamp stay stale.
 */
function recordInPlaceUpdateState(pod: Pod, annotations: Record<string, string>, ss: SidecarSet, changed: string[], now: string | null): void {
  const { states } = parseInPlaceUpdateStates(pod);
  const ssName = ss.metadata.name ?? '';
  const state = states[ssName] ?? { revision: sidecarSetHashOf(ss), updateTimestamp: now, lastContainerStatuses: null };
  const last = { ...(state.lastContainerStatuses ?? {}) };
  const imageIDs = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s.imageID ?? '']));
  for (const name of changed) last[name] = { imageID: imageIDs.get(name) ?? '' };
  states[ssName] = { ...state, lastContainerStatuses: last };
  annotations[SIDECARSET_INPLACE_UPDATE_STATE_ANNOTATION] = serializeInPlaceUpdateStates(states);
}

/** S2 with details. Throws if a MergePatchJson patchPodMetadata cannot be applied (Kruise fails the update). */
export function upgradePodSidecars(pod: Pod, ss: SidecarSet, opts: UpgradeOptions): PodWriteResult {
  const out = structuredClone(pod);
  const annotations: Record<string, string> = { ...(out.metadata?.annotations ?? {}) };
  out.metadata = { ...(out.metadata ?? {}), annotations };
  const now = toGoTime(opts.nowIso) ?? opts.nowIso;
  const rv = opts.ssResourceVersion ?? ss.metadata.resourceVersion ?? '';
  const changed: string[] = [];
  for (const sidecar of ss.spec.containers ?? []) {
    const hot = isHotUpgradeContainer(sidecar);
    const [target, other] = hot ? findContainerToHotUpgrade(sidecar, out, ss) : [sidecar.name, sidecar.name];
    const otherContainer = findContainer(out, other);
    const container = findContainer(out, target);
    // Kruise would dereference nil here; a pod missing the slot is not a member anyway.
    if (!otherContainer || !container) continue;
    // Only the image may change in place; everything else is the NotUpgradable check's business.
    if ((sidecar.image ?? '') === (otherContainer.image ?? '')) continue;
    container.image = sidecar.image;
    changed.push(target);
    if (!hot) continue;
    const working = parseWorkingMap(out);
    working[sidecar.name] = target;
    annotations[SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION] = serializeStringMap(working);
    annotations[versionAnnotation(target)] = rv;
    annotations[versionAltAnnotation(target)] = annotations[versionAnnotation(other)] ?? '';
    annotations[versionAltAnnotation(other)] = rv;
  }
  writePodHash(annotations, ss, now, opts.latestRevision ?? ss.status?.latestRevision ?? '');
  recordInPlaceUpdateState(out, annotations, ss, changed, now);
  out.metadata.annotations = patchPodMetadata(annotations, ss.spec.patchPodMetadata).annotations;
  return { pod: out, changedContainers: changed };
}

/** S2: the pod as the controller's Update writes it. */
export function upgradePod(pod: Pod, ss: SidecarSet, opts: UpgradeOptions): Pod {
  return upgradePodSidecars(pod, ss, opts).pod;
}

/**
 * S5 with details: every hot sidecar whose standby slot runs a real image gets the empty image back;
 * version of that slot and versionalt of the working slot become "0"; the hash is not touched (kruise#1054).
 * `nowIso` is only used if the pod has no in-place-update-state entry for the SidecarSet yet.
 */
export function resetHotUpgradeSlots(pod: Pod, ss: SidecarSet, opts: { nowIso?: string } = {}): PodWriteResult {
  const out = structuredClone(pod);
  const annotations: Record<string, string> = { ...(out.metadata?.annotations ?? {}) };
  out.metadata = { ...(out.metadata ?? {}), annotations };
  const changed: string[] = [];
  for (const sidecar of ss.spec.containers ?? []) {
    if (!isHotUpgradeContainer(sidecar)) continue;
    const { working, standby } = hotUpgradeSlots(sidecar.name, out);
    const container = (out.spec?.containers ?? []).find((c) => c.name === standby);
    const empty = emptyImageOf(sidecar);
    if (!container || container.image === empty) continue;
    container.image = empty;
    changed.push(standby);
    annotations[versionAnnotation(standby)] = '0';
    annotations[versionAltAnnotation(working)] = '0';
  }
  recordInPlaceUpdateState(out, annotations, ss, changed, toGoTime(opts.nowIso));
  return { pod: out, changedContainers: changed };
}

/** S5: the pod as the controller's reset Update writes it. */
export function resetHotUpgradeSlot(pod: Pod, ss: SidecarSet, opts: { nowIso?: string } = {}): Pod {
  return resetHotUpgradeSlots(pod, ss, opts).pod;
}
