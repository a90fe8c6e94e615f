/**
 * The JSON the dashboard's API and stream send to the page. Declared here rather than imported from
 * lib/dashboard or lib/cluster, which are server-only; api-types.conformance.ts fails the type check if these
 * drift from the server's own types.
 */
import type { TimelineEntry } from '@/lib/sidecarset/timeline-types';
import type { ProbeSample, Verdict } from '@/lib/sidecarset/verdict';
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';

export type CacheState = 'connecting' | 'live' | 'reconnecting' | 'error';

/** How fresh one of the server's shared watch caches is (server clock, epoch ms). */
export interface Freshness {
  kind: string;
  state: CacheState;
  syncedAt?: number;
  lastContactAt?: number;
  lastEventAt?: number;
  error?: string;
  relists: number;
  reconnects: number;
}

export type DashboardPhase = 'connecting' | 'ready' | 'no-openkruise' | 'unreachable';

export interface DashboardStatus {
  phase: DashboardPhase;
  message?: string;
  caches: Freshness[];
  /** Server clock when the status was taken. */
  at: number;
}

export type ClusterSourceKind = 'kubeconfig' | 'in-cluster' | 'default-kubeconfig' | 'embedded';

export interface ClusterInfo {
  context: string;
  cluster: string;
  server: string;
  user: string;
  source: ClusterSourceKind;
  origin: string;
  embedded: boolean;
  sidecarSetVersion?: 'v1beta1' | 'v1alpha1';
}

export interface ContextChoice {
  name: string;
  cluster: string;
  user: string;
  current: boolean;
}

export interface ClusterResponse {
  cluster: ClusterInfo;
  contexts: ContextChoice[];
  status: DashboardStatus;
}

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

export interface ApiErrorBody {
  error: { status: number; reason: string; message: string; details?: unknown };
}

/** `data` of a `summaries` event on topic `sidecarsets`. */
export interface SummariesEvent {
  upserts: SidecarSetSummary[];
}

/** `data` of a `removed` event. */
export interface RemovedEvent {
  name: string;
}

/** `data` of a `detail` event on topic `sidecarset/<name>`; `removed` holds "namespace/name" keys. */
export interface DetailEvent {
  name: string;
  summary: SidecarSetSummary;
  upserts: PodView[];
  removed: string[];
}

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

/** `data` of a `timeline` event on `timeline/<ss>` and `pod/<ns>/<name>`: only the entries that are new. */
export interface TimelineEvent {
  namespace: string;
  name: string;
  uid: string;
  entries: TimelineEntry[];
}

/** `data` of a `probe` event on `timeline/<ss>`: the run (its pods' samples left empty) and the new samples. */
export interface ProbeEvent {
  run: ProbeRunSnapshot;
  fresh: Array<{ pod: string; sample: ProbeSample }>;
}
