import type { Container, Pod } from 'kubernetes-types/core/v1';
import { simulatedSince } from '../clock';
import { messages } from './events';
import { runLifecycleHandler } from './hooks';
import type { ContainerInstance } from './pod-state';
import type { PodSyncApi } from './sync-api';

/** The kubelet never gives a container less than this to stop (minimumGracePeriodInSeconds). */
const MINIMUM_GRACE_PERIOD_S = 2;
const DEFAULT_GRACE_PERIOD_S = 30;

/** Pod deletion's grace period if set, else terminationGracePeriodSeconds, else 30 s (setTerminationGracePeriod). */
export function gracePeriodSeconds(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_S;
}

/**
 * killContainer: a `Killing` event (message defaults to "Stopping container X"), the preStop hook within the grace
 * period, then SIGTERM and SIGKILL when what is left of the grace period runs out.
 */
export async function killContainer(
  api: PodSyncApi,
  pod: Pod,
  name: string,
  spec: Container | undefined,
  inst: ContainerInstance,
  message?: string,
): Promise<void> {
  const { runtime, clock } = api.k;
  api.emit(pod, name, 'Normal', 'Killing', message ?? messages.stopping(name));
  let grace = gracePeriodSeconds(pod);
  const preStop = spec?.lifecycle?.preStop;
  if (preStop && grace > 0) {
    const started = clock.now();
    const ac = new AbortController();
    const timer = clock.after(grace * 1000, () => ac.abort(new Error('preStop hook timed out')));
    try {
      const res = await runLifecycleHandler(runtime, inst.id, pod, spec, preStop, ac.signal, 'PreStop');
      if (!res.ok) api.emit(pod, name, 'Warning', 'FailedPreStopHook', messages.preStopFailed);
    } catch {
      api.emit(pod, name, 'Warning', 'FailedPreStopHook', messages.preStopFailed);
    } finally {
      timer.cancel();
    }
    grace -= Math.floor(simulatedSince(clock, started) / 1000);
  }
  await runtime.stopContainer(inst.id, Math.max(grace, MINIMUM_GRACE_PERIOD_S) * 1000);
}
