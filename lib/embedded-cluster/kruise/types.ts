/**
 * OpenKruise SidecarSet wire types (apps.kruise.io v1alpha1 and v1beta1) and the well-known keys Kruise writes.
 * Field names follow the CRD (apps.kruise.io_sidecarsets.yaml); enums are open strings because the API server
 * stores whatever the schemaless container fields carry and validation reports bad values.
 */
import type {
  Container,
  LocalObjectReference,
  ObjectFieldSelector,
  Volume,
} from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../types';

export const KRUISE_GROUP = 'apps.kruise.io';
export const SIDECARSET_V1ALPHA1 = 'apps.kruise.io/v1alpha1';
export const SIDECARSET_V1BETA1 = 'apps.kruise.io/v1beta1';
export const SIDECARSET_KIND = 'SidecarSet';
/** ControllerRevisions live in the manager's namespace ($POD_NAMESPACE), see spec §1.7. */
export const DEFAULT_KRUISE_NAMESPACE = 'kruise-system';

// --- SidecarSet annotations / labels -------------------------------------------------------------------
export const SIDECARSET_HASH_ANNOTATION = 'kruise.io/sidecarset-hash';
export const SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION = 'kruise.io/sidecarset-hash-without-image';
export const SIDECARSET_CUSTOM_VERSION_LABEL = 'apps.kruise.io/sidecarset-custom-version';
export const SIDECARSET_CANARY_ANNOTATION = 'apps.kruise.io/sidecarset-canary';
export const SIDECARSET_BASE_ANNOTATION = 'apps.kruise.io/sidecarset-base';
/** Label on every ControllerRevision of a SidecarSet. */
export const SIDECARSET_NAME_LABEL = 'kruise.io/sidecarset-name';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

// --- Pod annotations ---------------------------------------------------------------------------------
export const SIDECARSET_INJECTED_LIST_ANNOTATION = 'kruise.io/sidecarset-injected-list';
export const SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION = 'kruise.io/sidecarset-working-hotupgrade-container';
export const SIDECARSET_INPLACE_UPDATE_STATE_ANNOTATION = 'kruise.io/sidecarset-inplace-update-state';
export const versionAnnotation = (podContainerName: string): string =>
  `version.sidecarset.kruise.io/${podContainerName}`;
export const versionAltAnnotation = (podContainerName: string): string =>
  `versionalt.sidecarset.kruise.io/${podContainerName}`;

// --- Env vars and conditions --------------------------------------------------------------------------
export const SIDECAR_INJECTED_ENV = 'IS_INJECTED';
export const SIDECARSET_VERSION_ENV = 'SIDECARSET_VERSION';
export const SIDECARSET_VERSION_ALT_ENV = 'SIDECARSET_VERSION_ALT';
export const SIDECARSET_UPGRADABLE_CONDITION = 'SidecarSetUpgradable';
export const UPGRADABLE_REASON_ALL = 'AllSidecarsetUpgradable';
export const UPGRADABLE_REASON_IMMUTABLE = 'UpdateImmutableField';

// --- Enum values ---------------------------------------------------------------------------------------
export const BEFORE_APP_CONTAINER = 'BeforeAppContainer';
export const AFTER_APP_CONTAINER = 'AfterAppContainer';
export const COLD_UPGRADE = 'ColdUpgrade';
export const HOT_UPGRADE = 'HotUpgrade';
export const SHARE_VOLUME_ENABLED = 'enabled';
export const SHARE_VOLUME_DISABLED = 'disabled';
export const ROLLING_UPDATE = 'RollingUpdate';
export const NOT_UPDATE = 'NotUpdate';
export const PATCH_POLICY_RETAIN = 'Retain';
export const PATCH_POLICY_OVERWRITE = 'Overwrite';
export const PATCH_POLICY_MERGE_PATCH_JSON = 'MergePatchJson';
export const INJECT_REVISION_ALWAYS = 'Always';
export const INJECT_REVISION_PARTIAL = 'Partial';

export type IntOrString = number | string;

export interface ShareVolumePolicy {
  /** `enabled` | `disabled` */
  type?: string;
}

export interface SidecarContainerUpgradeStrategy {
  /** `ColdUpgrade` | `HotUpgrade` (immutable after creation) */
  upgradeType?: string;
  hotUpgradeEmptyImage?: string;
}

export interface TransferEnvVar {
  sourceContainerName?: string;
  sourceContainerNameFrom?: { fieldRef?: ObjectFieldSelector };
  envName?: string;
  envNames?: string[];
}

export interface ResourceExprValues {
  cpu?: string;
  memory?: string;
}

export interface ResourcesPolicy {
  /** `sum` | `max` */
  targetContainersMode: string;
  targetContainersNameRegex?: string;
  resourcesExpr: { limits?: ResourceExprValues; requests?: ResourceExprValues };
}

/** corev1.Container (inlined, schemaless in the CRD) plus the SidecarSet-only fields. */
export interface SidecarContainer extends Container {
  /** `BeforeAppContainer` | `AfterAppContainer` */
  podInjectPolicy?: string;
  upgradeStrategy?: SidecarContainerUpgradeStrategy;
  shareVolumePolicy?: ShareVolumePolicy;
  shareVolumeDevicePolicy?: ShareVolumePolicy;
  transferEnv?: TransferEnvVar[];
  resourcesPolicy?: ResourcesPolicy;
}

export interface UpdatePriorityStrategy {
  orderPriority?: Array<{ orderedKey: string }>;
  weightPriority?: Array<{ weight: number; matchSelector: LabelSelector }>;
}

export interface UpdateScatterTerm {
  key: string;
  value: string;
}

export interface SidecarSetUpdateStrategy {
  /** `RollingUpdate` | `NotUpdate` */
  type?: string;
  paused?: boolean;
  selector?: LabelSelector;
  partition?: IntOrString;
  maxUnavailable?: IntOrString;
  priorityStrategy?: UpdatePriorityStrategy;
  scatterStrategy?: UpdateScatterTerm[];
}

export interface SidecarSetInjectRevision {
  customVersion?: string;
  revisionName?: string;
  /** `Always` | `Partial` */
  policy?: string;
}

export interface SidecarSetInjectionStrategy {
  paused?: boolean;
  revision?: SidecarSetInjectRevision;
}

export interface SidecarSetPatchPodMetadata {
  annotations?: Record<string, string>;
  /** `Retain` | `Overwrite` | `MergePatchJson` */
  patchPolicy?: string;
}

/** Fields shared by both versions. */
interface SidecarSetSpecCommon {
  selector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  initContainers?: SidecarContainer[];
  containers?: SidecarContainer[];
  volumes?: Volume[];
  updateStrategy?: SidecarSetUpdateStrategy;
  injectionStrategy?: SidecarSetInjectionStrategy;
  imagePullSecrets?: LocalObjectReference[];
  revisionHistoryLimit?: number;
  patchPodMetadata?: SidecarSetPatchPodMetadata[];
}

export interface SidecarSetSpec extends SidecarSetSpecCommon {
  customVersion?: string;
}

export interface SidecarSetSpecV1alpha1 extends SidecarSetSpecCommon {
  namespace?: string;
}

export interface SidecarSetStatus {
  observedGeneration?: number;
  matchedPods: number;
  updatedPods: number;
  readyPods: number;
  updatedReadyPods?: number;
  latestRevision?: string;
  collisionCount?: number;
}

/** The hub (storage) version. */
export interface SidecarSet extends KubeObject {
  spec: SidecarSetSpec;
  status?: SidecarSetStatus;
}

export interface SidecarSetV1alpha1 extends KubeObject {
  spec: SidecarSetSpecV1alpha1;
  status?: SidecarSetStatus;
}

/** One entry of the pod annotation `kruise.io/sidecarset-hash` (and `-hash-without-image`). */
export interface SidecarSetUpgradeSpec {
  /** RFC 3339, or null for entries converted from the legacy `{ss: hash}` format. */
  updateTimestamp: string | null;
  hash: string;
  sidecarSetName: string;
  sidecarList: string[] | null;
  controllerRevision?: string;
}

/** One entry of the pod annotation `kruise.io/sidecarset-inplace-update-state`. */
export interface InPlaceUpdateState {
  revision: string;
  updateTimestamp: string | null;
  lastContainerStatuses: Record<string, { imageID?: string }> | null;
}
