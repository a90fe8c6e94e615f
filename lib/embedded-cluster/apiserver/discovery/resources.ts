/**
 * The discovery view of every served resource: the stored kinds from RESOURCES plus the create-only review kinds
 * (`kubectl auth can-i`, `kubectl auth whoami`) that have no storage. Discovery, OpenAPI and routing read this list,
 * so the review kinds are declared once, here.
 */
import { RESOURCES, type ResourceDef } from '../../resources/definitions';

export type SubresourceName = 'status' | 'proxy' | 'scale' | 'log' | 'exec' | 'attach' | 'portforward';

export interface ServedSubresource {
  name: SubresourceName;
  /** The kind the subresource answers with, which is not always the parent's (scale → autoscaling/v1 Scale). */
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

export interface ServedResource {
  group: string;
  /** Preferred first, as in ResourceDef. */
  versions: string[];
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  /** Sorted, as kube-apiserver publishes them. */
  verbs: string[];
  subresources: SubresourceName[];
  /** False for the review kinds: a POST is answered and nothing is kept. */
  stored: boolean;
  storageVersion: string;
}

function fromDef(d: ResourceDef): ServedResource {
  return {
    group: d.group,
    versions: [...d.versions],
    kind: d.kind,
    listKind: d.listKind,
    plural: d.plural,
    singular: d.singular,
    shortNames: [...d.shortNames],
    categories: [...d.categories],
    namespaced: d.namespaced,
    verbs: [...d.verbs].sort(),
    subresources: [...d.subresources],
    stored: true,
    storageVersion: d.storageVersion,
  };
}

function createOnly(group: string, kind: string, plural: string): ServedResource {
  return {
    group,
    versions: ['v1'],
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    shortNames: [],
    categories: [],
    namespaced: false,
    verbs: ['create'],
    subresources: [],
    stored: false,
    storageVersion: 'v1',
  };
}

/** Non-stored kinds that clients POST to and get an answer for (authorization and identity reviews). */
export const CREATE_ONLY_RESOURCES: readonly ServedResource[] = [
  createOnly('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews'),
  createOnly('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews'),
  createOnly('authentication.k8s.io', 'SelfSubjectReview', 'selfsubjectreviews'),
];

export const SERVED_RESOURCES: readonly ServedResource[] = [...RESOURCES.map(fromDef), ...CREATE_ONLY_RESOURCES];

/** Verbs kube-apiserver lists for each subresource (proxy is a connect endpoint with every HTTP method). */
const SUBRESOURCE_VERBS: Record<SubresourceName, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
};

const CONNECT_KINDS: Partial<Record<SubresourceName, string>> = { exec: 'PodExecOptions', attach: 'PodAttachOptions', portforward: 'PodPortForwardOptions' };

export function subresourcesOf(r: ServedResource, version: string): ServedSubresource[] {
  return r.subresources.map((name) => {
    const verbs = [...SUBRESOURCE_VERBS[name]];
    switch (name) {
      case 'status':
        return { name, group: r.group, version, kind: r.kind, verbs };
      case 'scale':
        return { name, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs };
      case 'proxy':
        // PodProxyOptions / NodeProxyOptions live in core v1 next to their parent.
        return { name, group: r.group, version, kind: `${r.kind}ProxyOptions`, verbs };
      case 'log':
        // kube-apiserver publishes pods/log with the parent's kind (the body is text).
        return { name, group: r.group, version, kind: r.kind, verbs };
      case 'exec':
      case 'attach':
      case 'portforward':
        return { name, group: r.group, version, kind: CONNECT_KINDS[name] ?? '', verbs };
    }
  });
}

/** kube-aggregator's group priorities (v1.28), highest first: the order /apis lists the built-in groups in. */
const BUILTIN_GROUP_ORDER = [
  'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
  'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io',
  'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io',
];

/**
 * API groups in the order kube-apiserver lists them: core first, then built-in groups by the aggregator's
 * priorities, then CRD groups in declaration order.
 */
export function servedGroups(): string[] {
  const seen: string[] = [];
  for (const r of SERVED_RESOURCES) if (!seen.includes(r.group)) seen.push(r.group);
  const rank = (g: string): number => {
    if (g === '') return -1;
    const i = BUILTIN_GROUP_ORDER.indexOf(g);
    return i >= 0 ? i : BUILTIN_GROUP_ORDER.length;
  };
  return seen.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i).map(({ g }) => g);
}

/** Versions of a group, preferred first: the union over its resources in declaration order. */
export function groupVersions(group: string): string[] {
  const versions: string[] = [];
  for (const r of SERVED_RESOURCES) {
    if (r.group !== group) continue;
    for (const v of r.versions) if (!versions.includes(v)) versions.push(v);
  }
  return versions;
}

export function resourcesIn(group: string, version: string): ServedResource[] {
  return SERVED_RESOURCES.filter((r) => r.group === group && r.versions.includes(version));
}

export function findServedResource(group: string, plural: string): ServedResource | undefined {
  return SERVED_RESOURCES.find((r) => r.group === group && r.plural === plural);
}
