/**
 * The unaggregated discovery documents (`/version`, `/api`, `/api/v1`, `/apis`, `/apis/<g>`, `/apis/<g>/<v>`),
 * shaped like kube-apiserver's JSON. client-node and older clients read only these.
 */
import { createHash } from 'node:crypto';
import { groupVersions, resourcesIn, servedGroups, subresourcesOf, type ServedResource } from './resources';

export const SERVER_MAJOR = '1';
export const SERVER_MINOR = '32';
export const SERVER_GIT_VERSION = 'v1.32.4-embedded';

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** Go's names for the platform, so `kubectl version -o yaml` reads like a real server's. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const goos = platform === 'win32' ? 'windows' : platform;
  const goarch = arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
  return `${goos}/${goarch}`;
}

export function versionInfo(platform: string = goPlatform()): VersionInfo {
  return {
    major: SERVER_MAJOR,
    minor: SERVER_MINOR,
    gitVersion: SERVER_GIT_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T00:00:00Z',
    goVersion: 'go1.23.8',
    compiler: 'gc',
    platform,
  };
}

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface DiscoveryOptions {
  /** Address advertised in serverAddressByClientCIDRs, e.g. `127.0.0.1:6443`. */
  serverAddress?: string;
}

export function gvString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** kube-apiserver's storage version hash: base64 of the first 8 bytes of sha256("<group>/<version>/<kind>"). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

export function apiVersions(opts: DiscoveryOptions = {}): object {
  return {
    kind: 'APIVersions',
    versions: groupVersions(''),
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: opts.serverAddress ?? '127.0.0.1:6443' }],
  };
}

export function apiGroup(group: string): APIGroup | undefined {
  const versions = groupVersions(group).map((v) => ({ groupVersion: gvString(group, v), version: v }));
  const preferred = versions[0];
  return preferred ? { name: group, versions, preferredVersion: preferred } : undefined;
}

export function apiGroupList(): object {
  const groups = servedGroups().filter((g) => g !== '').map(apiGroup).filter((g): g is APIGroup => g !== undefined);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** `/apis/<group>` answers the group itself, typed. */
export function apiGroupDocument(group: string): object | undefined {
  const g = group === '' ? undefined : apiGroup(group);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...g } : undefined;
}

export function apiResourcesOf(r: ServedResource, version: string): APIResource[] {
  const main: APIResource = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    ...(r.stored ? { storageVersionHash: storageVersionHash(r.group, r.storageVersion, r.kind) } : {}),
  };
  const subs = subresourcesOf(r, version).map((s): APIResource => ({
    name: `${r.plural}/${s.name}`,
    singularName: '',
    namespaced: r.namespaced,
    // Only a subresource answering with another group's kind names it, as the installer does for scale.
    ...(s.group !== r.group || s.version !== version ? { group: s.group, version: s.version } : {}),
    kind: s.kind,
    verbs: s.verbs,
  }));
  return [main, ...subs];
}

export function apiResourceList(group: string, version: string): object | undefined {
  const resources = resourcesIn(group, version);
  if (resources.length === 0) return undefined;
  const list = resources.flatMap((r) => apiResourcesOf(r, version)).sort((a, b) => a.name.localeCompare(b.name));
  const head = group === '' ? { kind: 'APIResourceList' } : { kind: 'APIResourceList', apiVersion: 'v1' };
  return { ...head, groupVersion: gvString(group, version), resources: list };
}
