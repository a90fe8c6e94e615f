/**
 * Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList): every group, version and resource in one
 * document, which kubectl 1.32 asks for first on `/api` and `/apis` to avoid one request per group-version.
 * client-go takes the first version listed as the group's preferred one, so versions keep preferred-first order.
 */
import { groupVersions, resourcesIn, servedGroups, subresourcesOf, type ServedResource } from './resources';

export type AggregatedVersion = 'v2' | 'v2beta1';

interface GVK {
  group: string;
  version: string;
  kind: string;
}

export interface APIResourceDiscovery {
  resource: string;
  responseKind: GVK;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: Array<{ subresource: string; responseKind: GVK; verbs: string[] }>;
}

export interface APIVersionDiscovery {
  version: string;
  resources: APIResourceDiscovery[];
  freshness: 'Current';
}

export interface APIGroupDiscovery {
  metadata: { name: string; creationTimestamp: null };
  versions: APIVersionDiscovery[];
}

function resourceDiscovery(r: ServedResource, version: string): APIResourceDiscovery {
  const subs = subresourcesOf(r, version);
  return {
    resource: r.plural,
    responseKind: { group: r.group, version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    ...(subs.length > 0
      ? { subresources: subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })) }
      : {}),
  };
}

export function groupDiscovery(group: string): APIGroupDiscovery {
  return {
    metadata: { name: group, creationTimestamp: null },
    versions: groupVersions(group).map((version) => ({
      version,
      resources: resourcesIn(group, version)
        .map((r) => resourceDiscovery(r, version))
        .sort((a, b) => a.resource.localeCompare(b.resource)),
      freshness: 'Current',
    })),
  };
}

function list(items: APIGroupDiscovery[], version: AggregatedVersion): object {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

/** The aggregated document for `/api`: only the core group. */
export function aggregatedLegacy(version: AggregatedVersion = 'v2'): object {
  return list([groupDiscovery('')], version);
}

/** The aggregated document for `/apis`: every named group, built-in groups before CRD groups. */
export function aggregatedApis(version: AggregatedVersion = 'v2'): object {
  return list(servedGroups().filter((g) => g !== '').map(groupDiscovery), version);
}
