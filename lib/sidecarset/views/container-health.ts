/**
 * Reading one container status: its state kind and reason, and whether it is failing in the sense of §8.4
 * (`failing(st)`): stuck on a pull/create/start error, dead with a non-zero exit, or crash-restarting.
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { ContainerStateKind } from './types';

/** kubelet waiting reasons that mean "this container will not come up by itself". */
export const FAILING_WAITING_REASONS: ReadonlySet<string> = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PostStartHookError',
  'PreStartHookError',
]);

export function containerStateKind(st: ContainerStatus | undefined): ContainerStateKind {
  if (st?.state?.running) return 'running';
  if (st?.state?.terminated) return 'terminated';
  if (st?.state?.waiting) return 'waiting';
  return 'unknown';
}

export function containerReason(st: ContainerStatus | undefined): string | undefined {
  return st?.state?.waiting?.reason ?? st?.state?.terminated?.reason ?? undefined;
}

/**
 * failing(st). A restart alone is not a failure: hot and cold upgrades restart containers on purpose (and the
 * killed container often exits 137/143). So a non-zero last exit counts only when a previous snapshot shows the
 * restart count rising on the *same* image (imageID unchanged) and the new instance is not ready yet.
 */
export function isContainerFailing(st: ContainerStatus | undefined, prev?: ContainerStatus): boolean {
  if (!st) return false;
  const waiting = st.state?.waiting?.reason;
  if (waiting !== undefined && FAILING_WAITING_REASONS.has(waiting)) return true;
  const term = st.state?.terminated;
  if (term && term.exitCode !== 0) return true;
  if (prev && st.restartCount > prev.restartCount && !st.ready) {
    const last = st.lastState?.terminated;
    if (last && last.exitCode !== 0 && (st.imageID ?? '') === (prev.imageID ?? '')) return true;
  }
  return false;
}
