/**
 * Read accessors over a SidecarSet of either served version, applying Kruise's defaults (spec §1.3-§1.4) where the
 * object may not have been defaulted (e.g. read before the mutating webhook ran, or hand-written in tests).
 */
import {
  SIDECARSET_V1ALPHA1,
  SS_CANARY,
  SS_CANARY_BASE,
  SS_CUSTOM_VERSION_LABEL,
  SS_HASH,
  SS_HASH_WITHOUT_IMAGE,
} from './types';
import type { SidecarContainer, SidecarSet, UpgradeType } from './types';

export function sidecarSetName(ss: SidecarSet): string {
  return ss.metadata.name ?? '';
}

/**
 * Which served version this object was read as. apiVersion decides; a bare object without it (a list item
 * stripped of TypeMeta) counts as v1alpha1 only if it carries the alpha-only spec.namespace.
 */
export function sidecarSetVersion(ss: SidecarSet): 'v1alpha1' | 'v1beta1' {
  if (ss.apiVersion === SIDECARSET_V1ALPHA1) return 'v1alpha1';
  if ((ss.apiVersion as string | undefined) === undefined && ss.spec.namespace) return 'v1alpha1';
  return 'v1beta1';
}

export function sidecarContainersOf(ss: SidecarSet): SidecarContainer[] {
  return ss.spec.containers ?? [];
}

/** Default ColdUpgrade (spec §1.4); any unknown value also behaves as cold in Kruise's switch statements. */
export function upgradeTypeOf(c: SidecarContainer): UpgradeType {
  return c.upgradeStrategy?.upgradeType === 'HotUpgrade' ? 'HotUpgrade' : 'ColdUpgrade';
}

export function isHotUpgrade(c: SidecarContainer): boolean {
  return upgradeTypeOf(c) === 'HotUpgrade';
}

export function emptyImageOf(c: SidecarContainer): string | undefined {
  const e = c.upgradeStrategy?.hotUpgradeEmptyImage;
  return e === undefined || e === '' ? undefined : e;
}

/** Defaulted value: BeforeAppContainer for containers (spec §1.4). */
export function podInjectPolicyOf(c: SidecarContainer): string {
  return c.podInjectPolicy || 'BeforeAppContainer';
}

export function shareVolumePolicyOf(c: SidecarContainer): string {
  return c.shareVolumePolicy?.type || 'disabled';
}

/** Pod container names of a hot sidecar X: the two slots. */
export function hotSlotNames(sidecarName: string): [string, string] {
  return [`${sidecarName}-1`, `${sidecarName}-2`];
}

/** GetSidecarContainersInPod: pod container names this SidecarSet owns (both slots for hot sidecars). */
export function sidecarPodContainerNames(ss: SidecarSet): Set<string> {
  const names = new Set<string>();
  for (const c of sidecarContainersOf(ss)) {
    if (isHotUpgrade(c)) for (const n of hotSlotNames(c.name)) names.add(n);
    else names.add(c.name);
  }
  return names;
}

/** The SidecarSet's hash annotations; Kruise compares them as strings, missing = "". */
export function sidecarSetHash(ss: SidecarSet): string {
  return ss.metadata.annotations?.[SS_HASH] ?? '';
}

export function sidecarSetHashWithoutImage(ss: SidecarSet): string {
  return ss.metadata.annotations?.[SS_HASH_WITHOUT_IMAGE] ?? '';
}

export function isNotUpdate(ss: SidecarSet): boolean {
  return ss.spec.updateStrategy?.type === 'NotUpdate';
}

export function isUpdatePaused(ss: SidecarSet): boolean {
  return ss.spec.updateStrategy?.paused === true;
}

/** The controller returns before both the reset pass and upgrades (v1.9+, spec §3.1 steps 5-6). */
export function isRolloutFrozen(ss: SidecarSet): boolean {
  return isNotUpdate(ss) || isUpdatePaused(ss);
}

export function isInjectionPaused(ss: SidecarSet): boolean {
  return ss.spec.injectionStrategy?.paused === true;
}

/** v1beta1 spec.customVersion, or the v1alpha1 label it converts from (spec §1.2). */
export function customVersionOf(ss: SidecarSet): string | undefined {
  const fromSpec = ss.spec.customVersion;
  if (fromSpec) return fromSpec;
  return ss.metadata.labels?.[SS_CUSTOM_VERSION_LABEL] || undefined;
}

/** Canary SidecarSet (v1beta1 annotations, spec §1.2); `base` is the SidecarSet it replaces for matched pods. */
export function canaryBaseOf(ss: SidecarSet): string | undefined {
  const a = ss.metadata.annotations;
  if (a?.[SS_CANARY] !== 'true') return undefined;
  return a[SS_CANARY_BASE] || undefined;
}
