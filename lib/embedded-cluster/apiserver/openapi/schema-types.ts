/**
 * The slice of the OpenAPI 3.0 schema object that kube-apiserver publishes and kubectl reads.
 * Kept open (index signature) because CRD schemas carry extensions and validation keywords we pass through untouched.
 */
export interface GroupVersionKindRef {
  group: string;
  kind: string;
  version: string;
}

export interface SchemaObject {
  description?: string;
  type?: string;
  format?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  allOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  enum?: unknown[];
  default?: unknown;
  $ref?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKindRef[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  [extension: string]: unknown;
}

/** One served version of a CRD, reduced to what discovery, OpenAPI and table printing need. */
export interface CrdPrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema: SchemaObject;
  additionalPrinterColumns: CrdPrinterColumn[];
  subresources: { status?: boolean; scale?: boolean };
}

export interface CrdDefinition {
  group: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
}

/** Prefix every schema $ref uses inside a group-version document. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function refTo(name: string): string {
  return `${SCHEMA_REF_PREFIX}${name}`;
}
