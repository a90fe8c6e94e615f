/** Public surface of the simulated node: the kubelet, its container runtime, and what the API server needs. */
export { Kubelet } from './kubelet';
export { KUBELET_CONDITION_TYPES, type KubeletEvent, type KubeletOptions, type KubeletSink } from './types';
export { PLEG_RELIST_MS } from './pod-worker';
export { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS } from './backoff';
export {
  ContainerRuntime,
  type ContainerConfig,
  type ContainerExitEvent,
  type PulledImage,
  type RuntimeContainerStatus,
  type RuntimeOptions,
  type SandboxConfig,
} from './runtime/runtime';
export { ImagePullError, ProxyConnectionError } from './runtime/errors';
export { describeImage, IMAGE_RULES, type ImageInfo } from './runtime/image-catalogue';
export { parseImageReference, type ImageReference } from './runtime/image-ref';
export type { ConnectionView, ImageView, ListenerView, PodRuntimeView, ProcessRef, ProcessView } from './runtime/inspect';
export type { ModelKind, ProcessState, ProxyRequest, ProxyResponse } from './runtime/types';
