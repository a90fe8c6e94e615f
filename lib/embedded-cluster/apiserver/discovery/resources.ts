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

/**
 * API groups in the order kube-apiserver lists them: core first, then built-in groups, then CRD groups.
 * Built-in groups are the ones that are not dotted or end in .k8s.io.
 */
export function servedGroups(): string[] {
  const seen: string[] = [];
  for (const r of SERVED_RESOURCES) if (!seen.includes(r.group)) seen.push(r.group);
  const rank = (g: string): number => (g === '' ? 0 : !g.includes('.') || g.endsWith('.k8s.io') ? 1 : 2);
  return seen
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || (rank(a.g) === 1 ? a.g.localeCompare(b.g) : a.i - b.i))
    .map(({ g }) => g);
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
