/**
 * The kinds the embedded cluster serves. Discovery, OpenAPI, RBAC and routing all read this one table,
 * so a kind is added in exactly one place.
 */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceDef {
  /** '' for the core group. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  /** The version objects are kept in; the others are converted on the way in and out. */
  storageVersion: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  verbs: Verb[];
  subresources: Array<'status' | 'proxy' | 'scale' | 'log' | 'exec' | 'attach' | 'portforward'>;
  /** Spec edits bump metadata.generation; status, label and annotation edits do not. */
  hasGeneration: boolean;
  /** When false, writes through the main resource keep the stored status (status has its own subresource). */
  statusIsSubresource: boolean;
}

const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function def(d: Partial<ResourceDef> & Pick<ResourceDef, 'kind' | 'plural' | 'namespaced'>): ResourceDef {
  const versions = d.versions ?? ['v1'];
  return {
    group: '',
    versions,
    storageVersion: d.storageVersion ?? versions[0] ?? 'v1',
    listKind: `${d.kind}List`,
    singular: d.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    subresources: [],
    hasGeneration: false,
    statusIsSubresource: false,
    ...d,
  };
}

export const RESOURCES: readonly ResourceDef[] = [
  def({ kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], subresources: ['status'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], statusIsSubresource: true }),
  def({ kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], subresources: ['status'], statusIsSubresource: true }),
  def({ kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], categories: ['all'],
    subresources: ['attach', 'exec', 'log', 'portforward', 'proxy', 'status'], statusIsSubresource: true }),
  def({ kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] }),
  def({ kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'] }),
  def({ kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] }),
  def({ kind: 'Secret', plural: 'secrets', namespaced: true }),
  def({ kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'], categories: ['all'],
    subresources: ['status'], statusIsSubresource: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  def({ kind: 'Deployment', group: 'apps', plural: 'deployments', namespaced: true, shortNames: ['deploy'],
    categories: ['all'], subresources: ['status', 'scale'], hasGeneration: true, statusIsSubresource: true }),
  def({ kind: 'ReplicaSet', group: 'apps', plural: 'replicasets', namespaced: true, shortNames: ['rs'],
    categories: ['all'], subresources: ['status', 'scale'], hasGeneration: true, statusIsSubresource: true }),
  def({ kind: 'ControllerRevision', group: 'apps', plural: 'controllerrevisions', namespaced: true }),
  def({ kind: 'Lease', group: 'coordination.k8s.io', plural: 'leases', namespaced: true }),
  // Read-only here: the CRDs the embedded cluster has "installed" (kruise's), so `kubectl get crd` checks work.
  def({ kind: 'CustomResourceDefinition', group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions', namespaced: false,
    shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'], statusIsSubresource: true,
    verbs: ['get', 'list', 'watch'] }),
  def({ kind: 'SidecarSet', group: 'apps.kruise.io', versions: ['v1beta1', 'v1alpha1'], storageVersion: 'v1beta1',
    plural: 'sidecarsets', namespaced: false, subresources: ['status'], hasGeneration: true, statusIsSubresource: true }),
];

export function findResource(group: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.plural === plural);
}

export function findResourceByKind(group: string, kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.kind === kind);
}

export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
