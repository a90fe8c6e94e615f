import type { Container, Pod } from 'kubernetes-types/core/v1';
import { wallAfter } from '../clock';
import { resolveEnv } from './env';
import { messages } from './events';
import { runLifecycleHandler } from './hooks';
import { killContainer } from './kill-container';
import { containerSpecHash, recordFor, type ContainerInstance } from './pod-state';
import type { PodSyncApi } from './sync-api';

/** getStableKey: the crash back-off belongs to this pod, this container name *and* this spec. */
function stableKey(pod: Pod, spec: Container): string {
  const m = pod.metadata ?? {};
  return `${m.name ?? ''}_${m.namespace ?? ''}_${m.uid ?? ''}_${spec.name}_${containerSpecHash(spec)}`;
}

/**
 * startContainer plus the crash back-off check before it (doBackOff). Steps: back-off → ensure image → create →
 * start → postStart. The postStart hook is awaited: like the real kubelet, nothing else in this pod's sync (not
 * the next container, not a status update) happens until it returns.
 */
export async function startContainer(api: PodSyncApi, pod: Pod, spec: Container, signal: AbortSignal): Promise<void> {
  const { runtime, clock, crashBackoff, puller } = api.k;
  const rec = recordFor(api.state, spec.name);
  const emit = (type: 'Normal' | 'Warning', reason: string, message: string): void => api.emit(pod, spec.name, type, reason, message);

  // Only an instance of this very definition that exited counts as a crash; one the kubelet stopped because the
  // spec changed does not (its back-off key, getStableKey, is a different spec hash).
  const last = rec.current?.specHash === containerSpecHash(spec) ? runtime.containerStatus(rec.current.id) : undefined;
  if (last?.state === 'exited') {
    const key = stableKey(pod, spec);
    const finishedAt = last.finishedAt ?? clock.now();
    if (crashBackoff.isInBackOffSince(key, finishedAt, clock.now())) {
      const backoff = crashBackoff.get(key);
      emit('Warning', 'BackOff', messages.backOffRestart(spec.name, pod));
      rec.waiting = { reason: 'CrashLoopBackOff', message: messages.crashLoopWaiting(backoff, spec.name, pod) };
      api.requestWake(wallAfter(clock, finishedAt, backoff));
      return;
    }
    crashBackoff.next(key, finishedAt);
  }

  const image = await puller.ensure(pod, spec, emit, signal);
  if (!image.ok) {
    rec.waiting = { reason: image.reason, message: image.message };
    if (image.retryAt !== undefined) api.requestWake(image.retryAt);
    return;
  }
  if (signal.aborted) return;

  const env = resolveEnv(spec, pod, { podIP: api.state.podIP, hostIP: api.k.nodeIP });
  const attempt = rec.current ? rec.current.attempt + 1 : 0;
  const id = runtime.createContainer(pod.metadata?.uid ?? '', {
    name: spec.name,
    image: spec.image ?? '',
    env,
    mounts: (spec.volumeMounts ?? []).map((m) => ({ volume: m.name, mountPath: m.mountPath })),
    attempt,
  });
  emit('Normal', 'Created', messages.created(spec.name));
  runtime.startContainer(id);
  const inst: ContainerInstance = {
    id,
    specHash: containerSpecHash(spec),
    attempt,
    readyDelayMs: spec.readinessProbe ? (spec.readinessProbe.initialDelaySeconds ?? 0) * 1000 : 0,
  };
  rec.previous = rec.current;
  rec.current = inst;
  rec.waiting = undefined;
  emit('Normal', 'Started', messages.started(spec.name));
  if (inst.readyDelayMs > 0) api.requestWake(wallAfter(clock, clock.now(), inst.readyDelayMs));

  const hook = spec.lifecycle?.postStart;
  if (!hook) return;
  const res = await runLifecycleHandler(runtime, id, pod, spec, hook, signal);
  if (signal.aborted || res.ok) return;
  emit('Warning', 'FailedPostStartHook', messages.postStartFailed);
  await killContainer(api, pod, spec.name, spec, inst, messages.killedPostStart);
  rec.waiting = { reason: 'PostStartHookError', message: res.message };
}
