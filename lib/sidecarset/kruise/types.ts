/**
 * Wire shapes of the OpenKruise SidecarSet, as the dashboard reads them, plus the pod annotation keys Kruise writes.
 * Both served versions are accepted: v1alpha1 (Kruise <= 1.8, may carry spec.namespace) and v1beta1 (1.9+, storage
 * version, may carry spec.customVersion). Enum-like fields stay `string` because real clusters can hold values the
 * CRD schema never promised (containers are schemaless); the domain normalises them where it reads them.
 */
import type { Container, LocalObjectReference, Volume } from 'kubernetes-types/core/v1';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';

/** intstr.IntOrString: an int, or a string such as "25%". */
export type IntOrString = number | string;

export const KRUISE_GROUP = 'apps.kruise.io';
export const SIDECARSET_V1ALPHA1 = 'apps.kruise.io/v1alpha1';
export const SIDECARSET_V1BETA1 = 'apps.kruise.io/v1beta1';

export type UpgradeType = 'ColdUpgrade' | 'HotUpgrade';
export type PodInjectPolicy = 'BeforeAppContainer' | 'AfterAppContainer';

export interface SidecarContainerUpgradeStrategy {
  /** `ColdUpgrade` (default) or `HotUpgrade`. */
  upgradeType?: string;
  hotUpgradeEmptyImage?: string;
}

/** corev1.Container plus Kruise's sidecar fields (spec §1.4). */
export interface SidecarContainer extends Container {
  /** `BeforeAppContainer` (default after defaulting) or `AfterAppContainer`. */
  podInjectPolicy?: string;
  upgradeStrategy?: SidecarContainerUpgradeStrategy;
  shareVolumePolicy?: { type?: string };
  shareVolumeDevicePolicy?: { type?: string } | null;
  transferEnv?: unknown[];
  resourcesPolicy?: unknown;
}

export interface UpdatePriorityWeightTerm {
  weight: number;
  matchSelector: LabelSelector;
}

export interface UpdatePriorityOrderTerm {
  orderedKey: string;
}

export interface UpdatePriorityStrategy {
  weightPriority?: UpdatePriorityWeightTerm[] | null;
  orderPriority?: UpdatePriorityOrderTerm[] | null;
}

export interface UpdateScatterTerm {
  key: string;
  value: string;
}

export interface SidecarSetUpdateStrategy {
  /** `RollingUpdate` (default) or `NotUpdate`. */
  type?: string;
  paused?: boolean;
  selector?: LabelSelector | null;
  partition?: IntOrString | null;
  maxUnavailable?: IntOrString | null;
  priorityStrategy?: UpdatePriorityStrategy | null;
  scatterStrategy?: UpdateScatterTerm[] | null;
}

export interface SidecarSetInjectRevision {
  revisionName?: string | null;
  customVersion?: string | null;
  /** `Always` (default) or `Partial`. */
  policy?: string;
}

export interface SidecarSetInjectionStrategy {
  paused?: boolean;
  revision?: SidecarSetInjectRevision | null;
}

export interface PatchPodMetadata {
  annotations?: Record<string, string>;
  patchPolicy?: string;
}

interface SidecarSetSpecCommon {
  /** Required by Kruise; an empty selector selects nothing (spec §1.3). */
  selector?: LabelSelector | null;
  /** nil means every namespace. */
  namespaceSelector?: LabelSelector | null;
  containers?: SidecarContainer[] | null;
  initContainers?: SidecarContainer[] | null;
  volumes?: Volume[] | null;
  updateStrategy?: SidecarSetUpdateStrategy | null;
  injectionStrategy?: SidecarSetInjectionStrategy | null;
  imagePullSecrets?: LocalObjectReference[] | null;
  revisionHistoryLimit?: number | null;
  patchPodMetadata?: PatchPodMetadata[] | null;
}

export interface SidecarSetSpecV1alpha1 extends SidecarSetSpecCommon {
  /** v1alpha1 only: restricts matching to one namespace; wins over namespaceSelector (spec §1.2). */
  namespace?: string | null;
  customVersion?: never;
}

export interface SidecarSetSpecV1beta1 extends SidecarSetSpecCommon {
  /** v1beta1 only: replaces the v1alpha1 label apps.kruise.io/sidecarset-custom-version. */
  customVersion?: string | null;
  namespace?: never;
}

/** Identical in both versions (spec §1.5). `updatedReadyPods` is omitted when 0. */
export interface SidecarSetStatus {
  observedGeneration?: number;
  matchedPods?: number;
  updatedPods?: number;
  readyPods?: number;
  updatedReadyPods?: number;
  latestRevision?: string;
  collisionCount?: number | null;
}

export interface SidecarSetV1alpha1 {
  apiVersion: typeof SIDECARSET_V1ALPHA1;
  kind?: 'SidecarSet';
  metadata: ObjectMeta;
  spec: SidecarSetSpecV1alpha1;
  status?: SidecarSetStatus;
}

export interface SidecarSetV1beta1 {
  apiVersion: typeof SIDECARSET_V1BETA1;
  kind?: 'SidecarSet';
  metadata: ObjectMeta;
  spec: SidecarSetSpecV1beta1;
  status?: SidecarSetStatus;
}

export type SidecarSet = SidecarSetV1alpha1 | SidecarSetV1beta1;

/** Annotations on the SidecarSet itself (spec §1.6, §1.2). */
export const SS_HASH = 'kruise.io/sidecarset-hash';
export const SS_HASH_WITHOUT_IMAGE = 'kruise.io/sidecarset-hash-without-image';
export const SS_CUSTOM_VERSION_LABEL = 'apps.kruise.io/sidecarset-custom-version';
export const SS_CANARY = 'apps.kruise.io/sidecarset-canary';
export const SS_CANARY_BASE = 'apps.kruise.io/sidecarset-base';
/** Label on ControllerRevisions (namespace kruise-system) naming their SidecarSet (spec §1.7). */
export const SS_REVISION_NAME_LABEL = 'kruise.io/sidecarset-name';

/** Pod annotations written by the Kruise webhook and controller (spec §2.2, §3.3). */
export const POD_SS_HASH = 'kruise.io/sidecarset-hash';
export const POD_SS_HASH_WITHOUT_IMAGE = 'kruise.io/sidecarset-hash-without-image';
export const POD_INJECTED_LIST = 'kruise.io/sidecarset-injected-list';
export const POD_WORKING_HOT_CONTAINER = 'kruise.io/sidecarset-working-hotupgrade-container';
export const POD_INPLACE_UPDATE_STATE = 'kruise.io/sidecarset-inplace-update-state';
export const POD_VERSION_PREFIX = 'version.sidecarset.kruise.io/';
export const POD_VERSION_ALT_PREFIX = 'versionalt.sidecarset.kruise.io/';

/** Pod condition the controller sets on every pod it considered for an upgrade (spec §3.3, §3.4). */
export const SIDECARSET_UPGRADABLE_CONDITION = 'SidecarSetUpgradable';

/** Every namespace carries this label (Kubernetes >= 1.21); v1alpha1 spec.namespace converts to it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
