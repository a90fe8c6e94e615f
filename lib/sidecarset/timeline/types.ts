/**
 * Timeline entries: the facts a per-pod swimlane draws, recorded from watch snapshots (timeline.ts) and from
 * Events (timeline-events.ts). Each entry has a stable `id` so a recorder that sees the same change twice (a
 * relist, a replayed watch) can drop the duplicate.
 */
import type { ContainerStateKind, Severity, SidecarPhase } from '../views/types';

export interface TimelineSubject {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface ContainerStateSummary {
  state: ContainerStateKind;
  reason?: string;
  exitCode?: number;
  startedAtMs?: number;
}

/** Coarse stage of a kubelet or Kruise event, for icons. */
export type EventStage =
  | 'kill'
  | 'pull'
  | 'pulled'
  | 'created'
  | 'started'
  | 'failed'
  | 'backoff'
  | 'hookFailed'
  | 'probeFailed'
  | 'reset'
  | 'resetFailed'
  | 'notUpgradable'
  | 'other';

interface TimelineBase {
  id: string;
  atMs: number;
  subject: TimelineSubject;
  /** Pod container (a hot slot, a cold sidecar or an app container) the entry is about. */
  container?: string;
  severity: Severity;
  text: string;
  /** resourceVersion of the pod snapshot that showed the change. */
  resourceVersion?: string;
}

export type TimelineEntry = TimelineBase &
  (
    | { kind: 'assigned'; from?: string; to?: string; controllerRevision?: string }
    | { kind: 'specImage'; from?: string; to?: string; toEmptyImage: boolean }
    | { kind: 'workingSlot'; sidecar: string; from?: string; to?: string }
    /**
     * The slot that actually serves changed: Kruise's working slot once it runs its image and is ready (the
     * annotation flips earlier, before the new container even starts). This is the hot upgrade's real flip.
     */
    | { kind: 'servingSlot'; sidecar: string; from?: string; to?: string }
    | { kind: 'restart'; from: number; to: number; lastExitCode?: number; lastReason?: string }
    | { kind: 'state'; from?: ContainerStateSummary; to: ContainerStateSummary }
    | { kind: 'statusImage'; from?: string; to?: string }
    | { kind: 'imageID'; from?: string; to?: string }
    /** `newInstance`: a restarted container reports ready, even if its predecessor was ready too. */
    | { kind: 'ready'; from?: boolean; to: boolean; newInstance: boolean }
    | { kind: 'podReady'; from?: boolean; to: boolean }
    | { kind: 'phase'; sidecar: string; from?: SidecarPhase; to: SidecarPhase }
    | {
        kind: 'event';
        reason: string;
        eventType: string;
        message?: string;
        count: number;
        component?: string;
        stage: EventStage;
      }
  );

export type TimelineKind = TimelineEntry['kind'];
