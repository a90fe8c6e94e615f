import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { CachedObject } from './watch-cache';

/**
 * What the caches keep of each object, applied as objects arrive (as client-go informers' transform functions
 * and controller-runtime's TransformStripManagedFields do): a cache holds every pod of the cluster for as long
 * as the dashboard runs, so it drops what no page, view or timeline reads.
 */
export function stripManagedFields<T extends CachedObject>(o: T): T {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _dropped, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** Name, image and ports: what the views read of a container (not env, mounts, probes or hook commands). */
function leanContainer(c: Container): Container {
  return c.ports ? { name: c.name, image: c.image, ports: c.ports } : { name: c.name, image: c.image };
}

/**
 * A pod as the dashboard uses it: metadata (labels, the hot-upgrade annotations, owners), the containers'
 * names and images, the node, and the whole status. Volumes, tolerations, affinity, env and the like go.
 */
export function leanPod(pod: Pod): Pod {
  const { metadata, spec, status } = stripManagedFields(pod);
  if (!spec) return { ...pod, metadata };
  const lean: NonNullable<Pod['spec']> = { containers: spec.containers.map(leanContainer) };
  if (spec.initContainers) lean.initContainers = spec.initContainers.map(leanContainer);
  if (spec.nodeName) lean.nodeName = spec.nodeName;
  const out: Pod = { metadata, spec: lean, status };
  if (pod.apiVersion) out.apiVersion = pod.apiVersion;
  if (pod.kind) out.kind = pod.kind;
  return out;
}
