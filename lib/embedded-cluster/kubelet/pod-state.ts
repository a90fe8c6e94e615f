import type { Container, ContainerStateTerminated } from 'kubernetes-types/core/v1';
import { hashString, stableStringify } from './runtime/prng';

/** One started instance of a container, as the kubelet remembers it. */
export interface ContainerInstance {
  id: string;
  /** Hash of the container spec it was started from; a different hash means "definition changed". */
  specHash: string;
  /** restartCount of this instance. */
  attempt: number;
  /** readinessProbe.initialDelaySeconds, in ms: the container turns ready this long after it started. */
  readyDelayMs: number;
  /** Filled in once the instance is seen exited, so lastState survives the runtime forgetting it. */
  terminated?: ContainerStateTerminated;
}

/** The kubelet's memory of one container name in one pod. */
export interface ContainerRecord {
  current?: ContainerInstance;
  previous?: ContainerInstance;
  /**
   * The kubelet's reasonCache: why the last attempt to start it failed (ErrImagePull, CrashLoopBackOff,
   * PostStartHookError...). Shown as `waiting` until a start succeeds.
   */
  waiting?: { reason: string; message: string };
}

export interface PodState {
  uid: string;
  podIP?: string;
  startTime?: number;
  sandboxReady: boolean;
  containers: Map<string, ContainerRecord>;
  /** Condition type → last status and when it last changed, so lastTransitionTime moves only on transitions. */
  conditions: Map<string, { status: string; at: string }>;
}

export function recordFor(state: PodState, name: string): ContainerRecord {
  let rec = state.containers.get(name);
  if (!rec) {
    rec = {};
    state.containers.set(name, rec);
  }
  return rec;
}

/** HashContainer: any change to the container spec (Kruise changes only `image`) restarts the container. */
export function containerSpecHash(spec: Container): string {
  return hashString(stableStringify(spec)).toString(16);
}
