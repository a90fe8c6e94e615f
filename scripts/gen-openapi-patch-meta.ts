/**
 * Strategic-merge-patch metadata of the built-in types, which kubernetes-types does not carry. kubectl's client-side
 * apply reads `x-kubernetes-patch-strategy` / `x-kubernetes-patch-merge-key` from our OpenAPI v3 to compute patches,
 * so a missing entry would make it replace a whole list (e.g. every container) instead of merging by name.
 * Transcribed from the `patchStrategy`/`patchMergeKey` struct tags of k8s.io/api v0.32 (core/v1, apps/v1) and
 * k8s.io/apimachinery meta/v1. Keys are `<TypeScript interface>.<field>`; EphemeralContainer is flattened in
 * kubernetes-types, so it repeats EphemeralContainerCommon's entries.
 */
import type { PatchMeta } from './gen-openapi';

const merge = (key?: string): PatchMeta => (key ? { strategy: 'merge', key } : { strategy: 'merge' });
const mergeRetain = (key: string): PatchMeta => ({ strategy: 'merge,retainKeys', key });

const containerLists = (type: string): Record<string, PatchMeta> => ({
  [`${type}.ports`]: merge('containerPort'),
  [`${type}.env`]: merge('name'),
  [`${type}.volumeMounts`]: merge('mountPath'),
  [`${type}.volumeDevices`]: merge('devicePath'),
});

export const PATCH_META: Record<string, PatchMeta> = {
  'ObjectMeta.ownerReferences': merge('uid'),
  'ObjectMeta.finalizers': merge(),
  ...containerLists('Container'),
  ...containerLists('EphemeralContainer'),
  'ContainerStatus.volumeMounts': merge('mountPath'),
  'ContainerStatus.allocatedResourcesStatus': merge('name'),
  'PodSpec.volumes': mergeRetain('name'),
  'PodSpec.initContainers': merge('name'),
  'PodSpec.containers': merge('name'),
  'PodSpec.ephemeralContainers': merge('name'),
  'PodSpec.imagePullSecrets': merge('name'),
  'PodSpec.hostAliases': merge('ip'),
  'PodSpec.topologySpreadConstraints': merge('topologyKey'),
  'PodSpec.schedulingGates': merge('name'),
  'PodSpec.resourceClaims': mergeRetain('name'),
  'PodStatus.conditions': merge('type'),
  'PodStatus.hostIPs': merge('ip'),
  'PodStatus.podIPs': merge('ip'),
  'PodStatus.resourceClaimStatuses': mergeRetain('name'),
  'NodeSpec.podCIDRs': merge(),
  'NodeStatus.conditions': merge('type'),
  'NodeStatus.addresses': merge('type'),
  'NamespaceStatus.conditions': merge('type'),
  'DeploymentSpec.strategy': { strategy: 'retainKeys' },
  'DeploymentStatus.conditions': merge('type'),
  'ReplicaSetStatus.conditions': merge('type'),
};
