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
