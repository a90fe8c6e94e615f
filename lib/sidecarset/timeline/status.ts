/**
 * Timeline drafts from one container's status in two snapshots: what the kubelet reported. Order follows the
 * kubelet: the restart first, then the new state and image, then readiness.
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { containerReason, containerStateKind } from '../views/container-health';
import { timeMs } from '../kruise/time';
import type { ContainerStateSummary, TimelineEntry } from './types';

/** A timeline entry before the recorder-level fields (id, time, subject) are attached. */
export type TimelineDraft = TimelineEntry extends infer E
  ? E extends TimelineEntry
    ? Omit<E, 'id' | 'atMs' | 'subject' | 'resourceVersion'>
    : never
  : never;

function stateSummary(st: ContainerStatus): ContainerStateSummary {
  return {
    state: containerStateKind(st),
    reason: containerReason(st),
    exitCode: st.state?.terminated?.exitCode,
    startedAtMs: timeMs(st.state?.running?.startedAt),
  };
}

function stateText(s: ContainerStateSummary): string {
  const extra = s.reason ?? (s.exitCode !== undefined ? `exit ${s.exitCode}` : undefined);
  return extra ? `${s.state} (${extra})` : s.state;
}

function sameState(a: ContainerStateSummary, b: ContainerStateSummary): boolean {
  return a.state === b.state && a.reason === b.reason && a.exitCode === b.exitCode && a.startedAtMs === b.startedAtMs;
}

/** A different container instance: restarted, or a new start time or container ID. */
function isNewInstance(prev: ContainerStatus, next: ContainerStatus): boolean {
  return (
    prev.restartCount !== next.restartCount ||
    (prev.containerID ?? '') !== (next.containerID ?? '') ||
    timeMs(prev.state?.running?.startedAt) !== timeMs(next.state?.running?.startedAt)
  );
}

const QUIET_WAITING = new Set(['ContainerCreating', 'PodInitializing']);

export function containerStatusDrafts(prev: ContainerStatus | undefined, next: ContainerStatus): TimelineDraft[] {
  const out: TimelineDraft[] = [];
  const container = next.name;
  if (prev && next.restartCount > prev.restartCount) {
    const last = next.lastState?.terminated;
    out.push({
      kind: 'restart',
      container,
      from: prev.restartCount,
      to: next.restartCount,
      lastExitCode: last?.exitCode,
      lastReason: last?.reason,
      severity: 'info',
      text: `${container} restarted (restart #${next.restartCount})`,
    });
  }
  const to = stateSummary(next);
  const from = prev ? stateSummary(prev) : undefined;
  if (!from || !sameState(from, to)) {
    const troubled = to.state !== 'running' && to.reason !== undefined && !QUIET_WAITING.has(to.reason);
    out.push({
      kind: 'state',
      container,
      from,
      to,
      severity: troubled ? 'warning' : 'info',
      text: `${container} ${stateText(to)}`,
    });
  }
  if (prev?.image !== next.image) {
    out.push({
      kind: 'statusImage',
      container,
      from: prev?.image,
      to: next.image,
      severity: 'info',
      text: `${container} runs ${next.image || '(none)'}`,
    });
  }
  if (prev?.imageID !== next.imageID) {
    out.push({
      kind: 'imageID',
      container,
      from: prev?.imageID,
      to: next.imageID,
      severity: 'info',
      text: `${container} image ID ${next.imageID || '(none)'}`,
    });
  }
  // A restarted container that comes up ready is news even when its predecessor was ready too.
  const fresh = prev !== undefined && isNewInstance(prev, next);
  if (prev?.ready !== next.ready || (fresh && next.ready)) {
    out.push({
      kind: 'ready',
      container,
      from: prev?.ready,
      to: next.ready,
      newInstance: fresh,
      severity: next.ready ? 'ok' : 'warning',
      text: `${container} ${next.ready ? 'ready' : 'not ready'}${fresh && next.ready ? ' (new container)' : ''}`,
    });
  }
  return out;
}
