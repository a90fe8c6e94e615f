export { handleOpenApi, type OpenApiRequest, type OpenApiResponse } from './handler';
export { buildDocument, buildIndex, groupVersionPath, serializedDocument, type OpenApiDocument, type OpenApiIndex } from './documents';
export { CRDS, crdDefinitionName, crdSchemas, findCrd, findCrdVersion } from './crd-schemas';
export type { CrdDefinition, CrdPrinterColumn, CrdVersion, SchemaObject } from './schema-types';
