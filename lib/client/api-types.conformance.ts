/**
 * Type-level only, and imported by nothing: `tsc` fails here if the client's wire types drift from what the
 * server actually sends. It may import server modules because it never reaches a bundle.
 */
import type { Freshness as ServerFreshness } from '@/lib/cluster/watch-cache';
import type { SessionInfo } from '@/lib/cluster/session';
import type { ContextChoice as ServerContextChoice } from '@/lib/cluster/sessions';
import type { DashboardStatus as ServerStatus } from '@/lib/dashboard/context';
import type { SidecarSetDetail } from '@/lib/dashboard/live-views';
import type { UpgradeResult } from '@/lib/dashboard/mutations';
import type { ErrorBody } from '@/lib/dashboard/errors';
import type * as Client from './api-types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const _conformance: [
  Same<ServerFreshness, Client.Freshness>,
  Same<ServerStatus, Client.DashboardStatus>,
  Same<SessionInfo, Client.ClusterInfo>,
  Same<ServerContextChoice, Client.ContextChoice>,
  Same<SidecarSetDetail, Omit<Client.SidecarSetDetailResponse, 'status'>>,
  Same<UpgradeResult, Client.UpgradeResponse>,
  Same<ErrorBody, Client.ApiErrorBody>,
] = [true, true, true, true, true, true, true];
