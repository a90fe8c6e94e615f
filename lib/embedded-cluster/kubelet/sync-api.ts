import type { Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock';
import type { Backoff } from './backoff';
import type { ImagePuller } from './image-puller';
import type { PodState } from './pod-state';
import type { ContainerRuntime } from './runtime/runtime';
import type { KubeletSink } from './types';

/** Node-wide pieces every pod worker shares. */
export interface KubeletContext {
  nodeName: string;
  nodeIP: string;
  clock: Clock;
  sink: KubeletSink;
  runtime: ContainerRuntime;
  puller: ImagePuller;
  /** Crash-loop back-off, keyed by pod + container + spec hash (getStableKey). */
  crashBackoff: Backoff;
}

/** What the sync steps (start, kill) may do to their pod worker. */
export interface PodSyncApi {
  readonly k: KubeletContext;
  readonly state: PodState;
  /** A container event (`containerName` set) or a pod event. */
  emit(pod: Pod, containerName: string | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Sync this pod again no later than `at` (back-off expiry, readiness delay). */
  requestWake(at: number): void;
}
