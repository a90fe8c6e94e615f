/**
 * Type-level only, and imported by nothing: `tsc` fails here if the client's wire types drift from what the
 * server actually sends. It may import server modules because it never reaches a bundle.
 */
import type { Freshness as ServerFreshness } from '@/lib/cluster/watch-cache';
import type { SessionInfo } from '@/lib/cluster/session';
import type { ContextChoice as ServerContextChoice } from '@/lib/cluster/sessions';
import type { DashboardStatus as ServerStatus } from '@/lib/server/live/dashboards';
import type { SidecarSetDetail } from '@/lib/server/live/live-views';
import type { UpgradeResult } from '@/lib/server/changes/mutations';
import type { ErrorBody } from '@/lib/server/http/errors';
import type { ProbeRun } from '@/lib/server/probe/probe-run';
import type { TrafficProbe } from '@/lib/server/probe/traffic-probe';
import type { podTimeline, SidecarSetTimelineBody } from '@/lib/server/recorder/api';
import type { Gap as ServerGap } from '@/lib/server/recorder/pod-timeline';
import type { TimelineSnapshot as ServerTimelineSnapshot } from '@/lib/server/recorder/recorder';
import type * as Client from './api-types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The server's run ids are typed as randomUUID()'s template literal; on the wire they are strings. */
type ServerVerdicts = Omit<ReturnType<TrafficProbe['verdicts']>[number], 'runId'> & { runId: string };
type WithVerdicts<T extends { probe: object }> = Omit<T, 'probe'> & { probe: Omit<T['probe'], 'verdicts'> & { verdicts: ServerVerdicts[] } };

/** What ProbeRun hands to its publish callback, which the traffic probe sends as a `probe` event. */
type ProbePublish = Parameters<ConstructorParameters<typeof ProbeRun>[7]>;

export const _conformance: [
  Same<ServerFreshness, Client.Freshness>,
  Same<ServerStatus, Client.DashboardStatus>,
  Same<SessionInfo, Client.ClusterInfo>,
  Same<ServerContextChoice, Client.ContextChoice>,
  Same<SidecarSetDetail, Omit<Client.SidecarSetDetailResponse, 'status'>>,
  Same<UpgradeResult, Client.UpgradeResponse>,
  Same<ErrorBody, Client.ApiErrorBody>,
  Same<ServerGap, Client.Gap>,
  Same<ServerTimelineSnapshot, Client.TimelineSnapshot>,
  Same<ServerVerdicts, Client.ProbeVerdicts>,
  Same<WithVerdicts<SidecarSetTimelineBody>, Client.SidecarSetTimelineResponse>,
  Same<ReturnType<typeof podTimeline>, Client.PodTimelineResponse>,
  // The recorder publishes `{ namespace, name, uid, entries }` of the pod's snapshot (recorder.ts, append).
  Same<Pick<ServerTimelineSnapshot, 'namespace' | 'name' | 'uid' | 'entries'>, Client.TimelineEvent>,
  Same<{ run: ProbePublish[0]; fresh: ProbePublish[1] }, Client.ProbeEvent>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
