/**
 * Rollouts on record (issue "Every rollout on record"): `GET /api/rollouts?sidecarSet=NAME`, `GET /api/rollouts/{id}`.
 * A rollout is one change of a SidecarSet's sidecar image, from the write to the last pod's Reset, recorded in the
 * durable store (SQLite or PostgreSQL) per cluster, with every pod's timeline, probe samples and verdict.
 */
import type { Gap, SidecarSetTimelineResponse, Verdict } from './timeline';

export type RolloutOutcome = 'in-progress' | 'completed' | 'paused' | 'superseded' | 'abandoned';

/** Who changed the image: a dashboard user (from its audit), or someone else (kubectl, GitOps), seen on the watch. */
export type RolloutStartedBy = { kind: 'dashboard'; user: string } | { kind: 'outside' };

/** How many of the rollout's pods the traffic probe reached ("probed 2,000 of 2,000 pods"). */
export interface RolloutCoverage {
  podsTotal: number;
  podsProbed: number;
}

/** The rollout's verdict: lossless only when every probed pod was and coverage is complete; unknown without probes. */
export interface RolloutVerdict {
  /** null: not known (nothing probed yet, or the rollout is still in progress with no failure so far). */
  lossless: boolean | null;
  /** e.g. "lossless: 0 of 41,200 requests failed; probed 2,000 of 2,000 pods". */
  text: string;
  requests: number;
  failed: number;
  /** Pods with at least one failed request. */
  lossyPods: number;
  coverage: RolloutCoverage;
}

/** One item of `GET /api/rollouts`, newest first. */
export interface RolloutListItem {
  id: string;
  sidecarSet: string;
  container: string;
  fromImage: string;
  toImage: string;
  revision?: string;
  startedBy: RolloutStartedBy;
  startedAt: number;
  endedAt?: number;
  outcome: RolloutOutcome;
  verdict: RolloutVerdict;
  /** Pods that failed to upgrade (crash loop, image pull, postStart), by the end or so far. */
  failedPods: number;
}

/** Whether the durable store is recording, and since when it is not ("recording degraded since 03:10"). */
export interface RecordingStatus {
  ok: boolean;
  engine: 'sqlite' | 'postgres';
  since?: number;
  error?: string;
}

export interface RolloutListResponse {
  items: RolloutListItem[];
  recording: RecordingStatus;
}

/** How the probe reached a pod: its IP directly (in-cluster), or the API server's pod proxy. */
export type ProbePathKind = 'direct' | 'proxy';

/** Per pod of a recorded rollout, beside its timeline. */
export interface RolloutPodSummary {
  namespace: string;
  name: string;
  /** The pod's own upgrade window: from its upgrade write to its Reset (end undefined while in flight). */
  upgradeStartedAt?: number;
  upgradeEndedAt?: number;
  /** When the new slot's postStart (the hand-over) began and ended. */
  migrationStartedAt?: number;
  migrationEndedAt?: number;
  failed: boolean;
  probePath?: ProbePathKind;
  verdict?: Verdict;
}

/**
 * `GET /api/rollouts/{id}`: the record, frozen. `timeline` has the live timeline API's shape, so the rollout page
 * replays it with the same swimlane components; its `gaps` include the time the dashboard was down.
 */
export interface RolloutRecordResponse extends RolloutListItem {
  pods: RolloutPodSummary[];
  gaps: Gap[];
  timeline: SidecarSetTimelineResponse;
  recording: RecordingStatus;
}
