/**
 * The JSON the dashboard's API and stream send to the page. Declared here rather than imported from
 * lib/dashboard or lib/cluster, which are server-only; api-types.conformance.ts fails the type check if these
 * drift from the server's own types.
 */
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
