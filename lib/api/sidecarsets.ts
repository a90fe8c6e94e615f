/** SidecarSets and their pods: `GET /api/sidecarsets[/{name}]`, `POST …/upgrade`. */
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';
import type { DashboardStatus } from './cluster';

export type { PodView, SidecarSetSummary };

export interface SidecarSetListResponse {
  items: SidecarSetSummary[];
  status: DashboardStatus;
}

export interface SidecarSetDetailResponse {
  summary: SidecarSetSummary;
  pods: PodView[];
  /** Present when the caller may not see this SidecarSet's pods (token pass-through RBAC): `pods` is empty. */
  podAccess?: { allowed: false; reason: string };
  status: DashboardStatus;
}

export interface UpgradeRequest {
  container: string;
  image: string;
  /** The image the user saw when the dialog opened: the server answers 409 if it changed since. */
  fromImage?: string;
}

export interface UpgradeResponse {
  name: string;
  container: string;
  from?: string;
  to: string;
}

/** `POST /api/sidecarsets/{name}/partition` body: a count or a percentage; `fromPartition` what the user saw. */
export interface PartitionRequest {
  partition: number | string;
  fromPartition?: number | string | null;
}

export interface PartitionResponse {
  name: string;
  from?: number | string;
  partition: number | string;
}

export interface PodRef {
  namespace: string;
  name: string;
}

/**
 * `GET /api/sidecarsets/{name}/plan`: the rollout as batches, in Kruise's order. Batch 0 is exactly what the next
 * reconcile takes; later batches assume each one before finished ready. `advanceTo` is the partition one batch lower.
 */
export interface RolloutPlanResponse {
  name: string;
  paused: boolean;
  partition?: number | string;
  partitionCount: number;
  maxUnavailableCount: number;
  /** Pods using the maxUnavailable budget now. */
  unavailable: number;
  batches: PodRef[][];
  held: PodRef[];
  blocked: PodRef[];
  advanceTo?: number;
  status: DashboardStatus;
}

/** One field that differs between two revisions, e.g. `containers[mosn].image` or `containers[mosn].env`. */
export interface RevisionChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

/** One ControllerRevision of a SidecarSet (`GET /api/sidecarsets/{name}/revisions`, oldest first). */
export interface RevisionItem {
  name: string;
  revision: number;
  createdAt?: string;
  customVersion?: string;
  /** Container name → image. */
  images: Record<string, string>;
  /** status.latestRevision: the revision the SidecarSet's spec is now. */
  current: boolean;
  /** What changed from the previous revision (empty for the first). */
  changes: RevisionChange[];
  /** What rolling back to this revision would change in the spec as it is now. */
  rollbackChanges: RevisionChange[];
}

export interface RevisionListResponse {
  items: RevisionItem[];
}

/** `POST /api/sidecarsets/{name}/rollback` body. */
export interface RollbackRequest {
  revision: string;
  fromRevision?: string;
}

export interface RollbackResponse {
  name: string;
  revision: string;
  from?: string;
  changes: RevisionChange[];
}
