/** The cluster a browser sees and how fresh the server's view of it is: `GET /api/cluster`, the `status` topic. */
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
