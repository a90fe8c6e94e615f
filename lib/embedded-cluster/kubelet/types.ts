import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock';
import type { ContainerRuntime } from './runtime/runtime';

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `spec.containers{mosn-2}` for container events; absent for pod-level ones. */
  fieldPath?: string;
}

/**
 * What the kubelet needs from the API server. The server implements it; the kubelet never touches the store.
 */
export interface KubeletSink {
  /**
   * Record a core/v1 Event: source component `kubelet`, host = this node, involvedObject = the pod (with
   * `fieldPath` when given). Fire-and-forget.
   */
  event(pod: Pod, event: KubeletEvent): void;
  /**
   * PATCH pods/status. `status` is the kubelet's complete view. Its conditions are only those the kubelet owns
   * (KUBELET_CONDITION_TYPES): merge conditions by `type` (strategic merge) so others' conditions, such as
   * Kruise's SidecarSetUpgradable, survive. May reject (e.g. the pod is gone); the kubelet tolerates that.
   */
  writeStatus(pod: Pod, status: PodStatus): Promise<void>;
  /** The final DELETE with grace period 0, once every container of a terminating pod has stopped. */
  removePod(pod: Pod): Promise<void>;
}

export interface KubeletOptions {
  nodeName: string;
  nodeIP: string;
  /** Pod IPs are allocated from it, e.g. `10.244.1.0/24`. */
  podCIDR: string;
  clock: Clock;
  sink: KubeletSink;
  runtime: ContainerRuntime;
}

/** The pod conditions the kubelet writes; every other condition type belongs to someone else. */
export const KUBELET_CONDITION_TYPES = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const;
