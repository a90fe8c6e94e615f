/**
 * App-facing view types: what API routes return and pages render. Plain JSON (no Dates, no class instances) so
 * they cross the server/client boundary and SSE unchanged. Times are epoch milliseconds.
 */
import type { IntOrString, UpgradeType } from '../kruise/types';
import type { UpgradableConditionView } from '../kruise/pod-annotations';

export type { UpgradableConditionView };

/** Badge colour class. `progress` = moving normally; `muted` = outside the rollout. */
export type Severity = 'ok' | 'progress' | 'info' | 'warning' | 'error' | 'muted';

/** Per hot sidecar, spec §8.4 (S0..S6 plus the failure and blocked states). */
export type HotPhase =
  | 'Failed'
  | 'NewStarting'
  | 'Migrating'
  | 'NewNotReady'
  | 'FrozenBothRunning'
  | 'ReadyToReset'
  | 'ResettingOld'
  | 'Pending'
  | 'NotUpgradable'
  | 'Done';

/** Per cold sidecar: `Upgrading` while the restarted container is inconsistent (spec §3.5). */
export type ColdPhase = 'Failed' | 'Upgrading' | 'Pending' | 'NotUpgradable' | 'Done';

export type SidecarPhase = HotPhase | ColdPhase;

/**
 * Whole pod: the worst sidecar phase for members; otherwise why Kruise ignores the pod.
 * `Unmanaged` = injected but its sidecar layout does not fit the SidecarSet, or no longer selected.
 */
export type PodUpgradePhase = SidecarPhase | 'NotInjected' | 'Inactive' | 'Unmanaged';

/** Why a `Pending` pod is not being upgraded right now (spec §4). */
export type PendingReason = 'NotUpdate' | 'Paused' | 'NotSelected' | 'HeldByPartition' | 'Queued' | 'NextInLine';

export interface PendingRefinement {
  reason: PendingReason;
  label: string;
  /** One sentence for a tooltip. */
  detail: string;
  /** 0-based position among the waiting pods in Kruise's update order, when waiting. */
  position?: number;
}

export interface Counters {
  matched: number;
  updated: number;
  ready: number;
  updatedReady: number;
}

export interface Fraction {
  count: number;
  total: number;
  /** count/total in [0,1]; 0 when total is 0. */
  fraction: number;
}

export interface SidecarContainerSummary {
  name: string;
  image: string;
  upgradeType: UpgradeType;
  emptyImage?: string;
  podInjectPolicy: string;
  shareVolumePolicy: string;
}

export interface UpdateStrategySummary {
  type: 'RollingUpdate' | 'NotUpdate';
  paused: boolean;
  partition?: IntOrString;
  /** partition resolved against the matched pods, as Kruise computes it. */
  partitionCount: number;
  maxUnavailable?: IntOrString;
  /** maxUnavailable resolved (percent rounded up, default 1). */
  maxUnavailableCount: number;
  /** updateStrategy.selector as kubectl prints it, undefined when unset (= all pods). */
  selectorText?: string;
  hasPriorityStrategy: boolean;
  hasScatterStrategy: boolean;
}

export type BlockedReasonCode =
  | 'Paused'
  | 'NotUpdate'
  | 'MaxUnavailableExhausted'
  | 'NotUpgradable'
  | 'PartitionReached'
  | 'NotSelected'
  | 'FailingPods';

export interface BlockedReason {
  code: BlockedReasonCode;
  message: string;
  /** Pods concerned, when the reason is about pods. */
  pods?: number;
}

export interface SidecarSetSummary {
  name: string;
  uid?: string;
  apiVersion: 'v1alpha1' | 'v1beta1';
  generation?: number;
  observedGeneration?: number;
  /** observedGeneration behind generation, or type NotUpdate (pod events do not trigger its reconcile). */
  statusStale: boolean;
  hash?: string;
  hashWithoutImage?: string;
  latestRevision?: string;
  customVersion?: string;
  containers: SidecarContainerSummary[];
  updateStrategy: UpdateStrategySummary;
  injectionPaused: boolean;
  /** spec.selector as kubectl prints it. */
  selectorText: string;
  /** Effective namespace selector (v1alpha1 spec.namespace converted); '<all namespaces>' when unset. */
  namespaceSelectorText: string;
  /** v1alpha1 spec.namespace, when set. */
  namespace?: string;
  /** From status (what `kubectl get sidecarset` shows). */
  counters: Counters;
  /** Recomputed from the pods passed in, with Kruise's own rules; fresher than status while it lags. */
  liveCounters: Counters;
  progress: { assigned: Fraction; completed: Fraction };
  /** Member pods in phases S2..S5 (or a cold sidecar restarting). */
  inFlight: number;
  /** status.updatedPods - status.updatedReadyPods: the spec's approximation. */
  inFlightFromStatus: number;
  selectedButNotInjected: number;
  phaseCounts: Partial<Record<PodUpgradePhase, number>>;
  blockedReasons: BlockedReason[];
}

export type ContainerStateKind = 'waiting' | 'running' | 'terminated' | 'unknown';

export interface SlotView {
  container: string;
  specImage?: string;
  statusImage?: string;
  imageID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerStateKind;
  /** waiting/terminated reason. */
  reason?: string;
  exitCode?: number;
  startedAtMs?: number;
  lastTerminated?: { exitCode?: number; reason?: string; finishedAtMs?: number };
  /** spec image is the SidecarSet's hotUpgradeEmptyImage. */
  onEmptyImage: boolean;
  /** Kruise's consistent() for this container (spec §3.2). */
  consistent: boolean;
  version?: string;
  versionAlt?: string;
}

export interface HotSidecarView {
  name: string;
  workingSlot: string;
  standbySlot: string;
  /** false when the working annotation lacks this sidecar (Kruise then defaults to `<name>-2`). */
  workingAnnotated: boolean;
  slots: SlotView[];
  /** undefined when the pod's sidecar layout does not fit the SidecarSet (the pod is Unmanaged). */
  phase?: HotPhase;
}

export interface ColdSidecarView {
  name: string;
  slot?: SlotView;
  /** undefined when the pod's sidecar layout does not fit the SidecarSet (the pod is Unmanaged). */
  phase?: ColdPhase;
}

export interface KubectlColumns {
  ready: string;
  readyCount: number;
  total: number;
  status: string;
  restarts: number;
  /** `2` or, with a last termination time and nowMs, `2 (5s ago)`. */
  restartsText: string;
  age?: string;
}

export interface PodView {
  namespace: string;
  name: string;
  uid?: string;
  /** The pod's resourceVersion this view was built from: changes with every write, which lets a page (and a
   * benchmark) tell exactly which write it is showing. */
  resourceVersion?: string;
  node?: string;
  podIP?: string;
  phase?: string;
  createdMs?: number;
  kubectl: KubectlColumns;
  podReady: boolean;
  kruiseReady: boolean;
  matches: boolean;
  active: boolean;
  injected: boolean;
  consistentWithSS: boolean;
  member: boolean;
  selectedButNotInjected: boolean;
  updated: boolean;
  upgradable: boolean;
  hash?: string;
  controllerRevision?: string;
  lastAssignedAtMs?: number;
  upgradableCondition?: UpgradableConditionView;
  hotSidecars: HotSidecarView[];
  coldSidecars: ColdSidecarView[];
  /** Containers that are not this SidecarSet's sidecars. */
  appContainers: SlotView[];
  upgradePhase: PodUpgradePhase;
  phaseLabel: string;
  severity: Severity;
  pending?: PendingRefinement;
}
