import type { Pod } from 'kubernetes-types/core/v1';

/**
 * Event reasons and messages exactly as the kubelet words them (pkg/kubelet/events, kuberuntime_container.go,
 * images/image_manager.go, Kubernetes 1.3x), so `kubectl describe pod` reads like a real cluster.
 */

/** format.Pod: `name_namespace(uid)`. */
export function formatPod(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.name ?? ''}_${m.namespace ?? 'default'}(${m.uid ?? ''})`;
}

/** Go's time.Duration.String() for whole milliseconds: 313ms, 1.2s, 10s, 1m20s, 5m0s, 1h0m0s. */
export function goDuration(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  if (t === 0) return '0s';
  if (t < 1000) return `${t}ms`;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const secMs = t % 60_000;
  const sec = `${Math.floor(secMs / 1000)}${secMs % 1000 ? `.${String(secMs % 1000).padStart(3, '0').replace(/0+$/, '')}` : ''}`;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

export const containerFieldPath = (name: string): string => `spec.containers{${name}}`;

export const messages = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  failedPull: (image: string, err: string) => `Failed to pull image "${image}": ${err}`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  invalidImage: (image: string, err: string) => `Failed to apply default image tag "${image}": ${err}`,
  error: (what: string) => `Error: ${what}`,
  created: (name: string) => `Created container: ${name}`,
  started: (name: string) => `Started container ${name}`,
  definitionChanged: (name: string) => `Container ${name} definition changed, will be restarted`,
  stopping: (name: string) => `Stopping container ${name}`,
  backOffRestart: (name: string, pod: Pod) => `Back-off restarting failed container ${name} in pod ${formatPod(pod)}`,
  crashLoopWaiting: (backoffMs: number, name: string, pod: Pod) =>
    `back-off ${goDuration(backoffMs)} restarting failed container=${name} pod=${formatPod(pod)}`,
  /** The event carries no detail on purpose: hook output may hold secrets (kuberuntime_container.go). */
  postStartFailed: 'PostStartHook failed',
  preStopFailed: 'PreStopHook failed',
  /** killContainer's message when the postStart hook failed. */
  killedPostStart: 'FailedPostStartHook',
};
