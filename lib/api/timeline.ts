/** Recorded timelines, gaps and the traffic probe: `GET …/timeline`, the `timeline/…` and `pod/…` topics. */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { ProbeSample, Verdict } from '@/lib/sidecarset/verdict';

export type { TimelineEntry, ProbeSample, Verdict };

/** A stretch of time the dashboard could not see the cluster (a watch dropped or had to relist). */
export interface Gap {
  id: string;
  startMs: number;
  /** Undefined while still open. */
  endMs?: number;
  reason: string;
  /** True when the watch was re-listed (410 Gone): changes inside the gap are known only as net results. */
  relist: boolean;
}

/** One pod's recorded history (GET /api/pods/{ns}/{name}/timeline, and one item of the SidecarSet's). */
export interface TimelineSnapshot {
  namespace: string;
  name: string;
  uid: string;
  sidecarSets: string[];
  deleted: boolean;
  /** Entries dropped by the recorder's cap (oldest first). */
  truncated: number;
  entries: TimelineEntry[];
}

export interface ProbeRunPod {
  namespace: string;
  name: string;
  samples: ProbeSample[];
  verdict: Verdict;
}

/** One rollout's traffic probe. */
export interface ProbeRunSnapshot {
  id: string;
  sidecarSet: string;
  reason: string;
  port: number;
  path: string;
  intervalMs: number;
  startedAt: number;
  endedAt?: number;
  stopReason?: string;
  requests: number;
  pods: ProbeRunPod[];
}

/** Verdicts of one probe run; `perPod` and `perPodText` are keyed by "namespace/name". */
export interface ProbeVerdicts {
  runId: string;
  perPod: Record<string, Verdict>;
  rollout: Verdict;
  perPodText: Record<string, string>;
}

export interface SidecarSetTimelineResponse {
  name: string;
  generatedAt: number;
  gaps: Gap[];
  pods: TimelineSnapshot[];
  probe: { runs: ProbeRunSnapshot[]; verdicts: ProbeVerdicts[] };
}

export interface PodTimelineResponse {
  generatedAt: number;
  gaps: Gap[];
  pod: TimelineSnapshot;
  probe: { runs: ProbeRunSnapshot[] };
}
