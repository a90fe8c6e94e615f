import type { Container, ContainerState, ContainerStateTerminated, ContainerStatus } from 'kubernetes-types/core/v1';
import { toRfc3339 } from '../clock';
import type { ContainerInstance, ContainerRecord } from './pod-state';
import type { ContainerRuntime } from './runtime/runtime';

/**
 * One entry of status.containerStatuses, following convertToAPIContainerStatuses: the latest instance gives
 * image/imageID/containerID/restartCount; a pending start failure (reasonCache) turns its state into `waiting`
 * and moves its termination to lastState; otherwise lastState is the previous instance's termination.
 */
export function buildContainerStatus(spec: Container, rec: ContainerRecord | undefined, runtime: ContainerRuntime, now: number, speed = 1): ContainerStatus {
  const inst = rec?.current;
  const rt = inst ? runtime.containerStatus(inst.id) : undefined;
  if (!inst || (!rt && !inst.terminated) || rt?.state === 'created') {
    return {
      name: spec.name,
      image: spec.image ?? '',
      imageID: '',
      ready: false,
      restartCount: inst?.attempt ?? 0,
      started: false,
      state: { waiting: rec?.waiting ?? { reason: 'ContainerCreating' } },
      lastState: {},
    };
  }
  const previous = terminatedOf(rec?.previous, runtime);
  const base = {
    name: spec.name,
    image: rt?.image.ref.normalized ?? spec.image ?? '',
    imageID: rt?.image.imageID ?? '',
    containerID: `containerd://${inst.id}`,
    restartCount: inst.attempt,
  };
  if (rt?.state === 'running') {
    const startedAt = rt.startedAt ?? now;
    return {
      ...base,
      ready: now >= startedAt + inst.readyDelayMs / speed,
      started: true,
      state: { running: { startedAt: toRfc3339(startedAt) } },
      lastState: previous ? { terminated: previous } : {},
    };
  }
  const term = terminatedOf(inst, runtime);
  let state: ContainerState = term ? { terminated: term } : { waiting: { reason: 'ContainerCreating' } };
  let lastState: ContainerState = previous ? { terminated: previous } : {};
  if (rec?.waiting) {
    state = { waiting: rec.waiting };
    lastState = term ? { terminated: term } : lastState;
  }
  return { ...base, ready: false, started: false, state, lastState };
}

/** The instance's termination, cached on first sight because the runtime keeps only recent instances. */
export function terminatedOf(inst: ContainerInstance | undefined, runtime: ContainerRuntime): ContainerStateTerminated | undefined {
  if (!inst) return undefined;
  if (inst.terminated) return inst.terminated;
  const rt = runtime.containerStatus(inst.id);
  if (!rt || rt.state !== 'exited') return undefined;
  inst.terminated = {
    exitCode: rt.exitCode ?? 0,
    reason: rt.reason ?? 'Error',
    startedAt: toRfc3339(rt.startedAt ?? rt.createdAt),
    finishedAt: toRfc3339(rt.finishedAt ?? rt.createdAt),
    containerID: `containerd://${inst.id}`,
  };
  return inst.terminated;
}
