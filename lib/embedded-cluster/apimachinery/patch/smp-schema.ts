/**
 * The `patchStrategy` / `patchMergeKey` struct tags of k8s.io/api (core/v1, apps/v1, policy/v1,
 * admissionregistration/v1) and k8s.io/apimachinery meta/v1 that strategic merge patch obeys, for the kinds the
 * embedded cluster serves and a few neighbours. Go looks tags up on the typed struct at each level; here a
 * field is identified by its name plus the name of the field it sits in (its parent) and, where that is still
 * ambiguous, the object's kind.
 *
 * Same name, different strategy, depending on where it sits:
 * - `finalizers`: merged as a set in metadata (ObjectMeta), but Namespace `spec.finalizers` has no tag: replaced.
 * - `ports`: merged by `containerPort` in containers, by `port` in a Service spec.
 * - `selector`: PodDisruptionBudget's is `patchStrategy:"replace"`; every other selector merges as a map.
 * - `volumeMounts`: by `mountPath` in containers; the VolumeMountStatus list inside containerStatuses has the
 *   same tag, but containerStatuses itself is untagged, so the whole status list is replaced first.
 * - `conditions`: merged by `type` in every status that has them.
 * Untagged lists (tolerations, containerStatuses, args, command, envFrom, Node taints...) are replaced whole;
 * untagged maps merge recursively.
 */

export interface PatchMeta {
  /** 'merge': lists merge (by mergeKey, or as a set for primitives). 'replace': a map is replaced whole. */
  readonly strategy?: 'merge' | 'replace';
  readonly mergeKey?: string;
  /** Tagged `retainKeys`: clients may send `$retainKeys` for it (the server honours that directive anywhere). */
  readonly retainKeys?: boolean;
}

interface Rule extends PatchMeta {
  /** Names of the field that contains this one; '' is the object root. */
  readonly parents?: readonly string[];
  readonly kinds?: readonly string[];
}

/** PodSpec sits at `spec` (Pod) or `template.spec` (workloads, PodTemplate, Job templates). */
const POD_SPEC = ['spec'];
const CONTAINERS = ['containers', 'initContainers', 'ephemeralContainers'];
const STATUS = ['status'];

const byName = (parents: readonly string[]): Rule => ({ strategy: 'merge', mergeKey: 'name', parents });

export const SMP_FIELDS: Readonly<Record<string, readonly Rule[]>> = {
  // ObjectMeta
  finalizers: [{ strategy: 'merge', parents: ['metadata'] }],
  ownerReferences: [{ strategy: 'merge', mergeKey: 'uid', parents: ['metadata'] }],
  // PodSpec
  containers: [byName(POD_SPEC)],
  initContainers: [byName(POD_SPEC)],
  ephemeralContainers: [byName(POD_SPEC)],
  volumes: [{ ...byName(POD_SPEC), retainKeys: true }],
  imagePullSecrets: [byName(POD_SPEC)],
  schedulingGates: [byName(POD_SPEC)],
  resourceClaims: [{ ...byName(POD_SPEC), retainKeys: true }],
  hostAliases: [{ strategy: 'merge', mergeKey: 'ip', parents: POD_SPEC }],
  topologySpreadConstraints: [{ strategy: 'merge', mergeKey: 'topologyKey', parents: POD_SPEC }],
  // Container
  env: [byName(CONTAINERS)],
  ports: [
    { strategy: 'merge', mergeKey: 'containerPort', parents: CONTAINERS },
    { strategy: 'merge', mergeKey: 'port', parents: ['spec'], kinds: ['Service'] },
  ],
  volumeMounts: [{ strategy: 'merge', mergeKey: 'mountPath', parents: CONTAINERS }],
  volumeDevices: [{ strategy: 'merge', mergeKey: 'devicePath', parents: CONTAINERS }],
  // Statuses
  conditions: [{ strategy: 'merge', mergeKey: 'type', parents: STATUS }],
  podIPs: [{ strategy: 'merge', mergeKey: 'ip', parents: STATUS, kinds: ['Pod'] }],
  hostIPs: [{ strategy: 'merge', mergeKey: 'ip', parents: STATUS, kinds: ['Pod'] }],
  resourceClaimStatuses: [{ ...byName(STATUS), retainKeys: true }],
  addresses: [{ strategy: 'merge', mergeKey: 'type', parents: STATUS, kinds: ['Node'] }],
  // Kind-specific
  podCIDRs: [{ strategy: 'merge', parents: ['spec'], kinds: ['Node'] }],
  strategy: [{ retainKeys: true, parents: ['spec'], kinds: ['Deployment'] }],
  selector: [{ strategy: 'replace', parents: ['spec'], kinds: ['PodDisruptionBudget'] }],
  secrets: [{ ...byName(['']), kinds: ['ServiceAccount'] }],
  webhooks: [{ ...byName(['']), kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'] }],
  matchConditions: [byName(['webhooks', 'spec'])],
};

export interface PatchContext {
  /** The patched object's kind, from the original's `kind`. */
  readonly kind: string | undefined;
  /** Field names from the root to the map being merged; list positions are not recorded. */
  readonly path: readonly string[];
}

export function childContext(ctx: PatchContext, field: string): PatchContext {
  return { kind: ctx.kind, path: [...ctx.path, field] };
}

const NONE: PatchMeta = {};

export function lookupPatchMeta(ctx: PatchContext, field: string): PatchMeta {
  if (!Object.prototype.hasOwnProperty.call(SMP_FIELDS, field)) return NONE;
  const parent = ctx.path[ctx.path.length - 1] ?? '';
  const rule = SMP_FIELDS[field]?.find(
    (r) => (!r.parents || r.parents.includes(parent)) && (!r.kinds || (ctx.kind !== undefined && r.kinds.includes(ctx.kind))),
  );
  return rule ?? NONE;
}
