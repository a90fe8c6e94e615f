export { handleDiscovery, negotiateDiscovery, aggregatedContentType, LEGACY_CONTENT_TYPE, type DiscoveryForm, type DiscoveryResponse } from './handler';
export { aggregatedApis, aggregatedLegacy, groupDiscovery, type AggregatedVersion } from './aggregated';
export {
  apiGroup, apiGroupDocument, apiGroupList, apiResourceList, apiResourcesOf, apiVersions, goPlatform, storageVersionHash, versionInfo,
  SERVER_GIT_VERSION, SERVER_MAJOR, SERVER_MINOR, type DiscoveryOptions, type VersionInfo,
} from './legacy';
export {
  CREATE_ONLY_RESOURCES, SERVED_RESOURCES, findServedResource, groupVersions, resourcesIn, servedGroups, subresourcesOf,
  type ServedResource, type ServedSubresource, type SubresourceName,
} from './resources';
export { parseAccept, acceptsJson, conversionOf, type MediaRange } from './accept';
export { nonResourceDocument, type NonResourceDocument } from './non-resource';
