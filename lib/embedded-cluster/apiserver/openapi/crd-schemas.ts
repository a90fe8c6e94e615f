/**
 * Publishes a CRD version the way apiextensions-apiserver does for OpenAPI v3: the CRD's own schema with
 * `metadata` pointed at ObjectMeta, apiVersion/kind documented, the GVK extension added, and a synthesized List
 * schema. Keeping the CRD schema otherwise untouched is what makes `kubectl explain` read like a real cluster's
 * (int-or-string fields included, which kubectl shows as <Object> there too).
 */
import { SIDECARSET_CRD } from './generated/sidecarset-crd';
import { refTo, type CrdDefinition, type CrdVersion, type SchemaObject } from './schema-types';

export const CRDS: readonly CrdDefinition[] = [SIDECARSET_CRD];

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

const API_VERSION_DOC =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DOC =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const METADATA_DOC =
  "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const LIST_METADATA_DOC =
  'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

export function findCrd(group: string, kind: string): CrdDefinition | undefined {
  return CRDS.find((c) => c.group === group && c.kind === kind);
}

export function findCrdVersion(crd: CrdDefinition, version: string): CrdVersion | undefined {
  return crd.versions.find((v) => v.name === version);
}

/** kube-openapi's REST-friendly definition name: the group's domain reversed, then version and kind. */
export function crdDefinitionName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

/** The object and list schemas, keyed by definition name, for one CRD version. */
export function crdSchemas(crd: CrdDefinition, version: string): Record<string, SchemaObject> {
  const v = findCrdVersion(crd, version);
  const itemName = crdDefinitionName(crd.group, version, crd.kind);
  const listName = crdDefinitionName(crd.group, version, crd.listKind);
  const base: SchemaObject = v ? structuredClone(v.schema) : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const item: SchemaObject = {
    ...base,
    properties: {
      ...base.properties,
      apiVersion: { description: API_VERSION_DOC, type: 'string' },
      kind: { description: KIND_DOC, type: 'string' },
      metadata: { description: METADATA_DOC, allOf: [{ $ref: refTo(OBJECT_META) }] },
    },
    'x-kubernetes-group-version-kind': [{ group: crd.group, kind: crd.kind, version }],
  };
  const list: SchemaObject = {
    description: `${crd.listKind} is a list of ${crd.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { description: API_VERSION_DOC, type: 'string' },
      items: {
        description: `List of ${crd.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        type: 'array',
        items: { $ref: refTo(itemName) },
      },
      kind: { description: KIND_DOC, type: 'string' },
      metadata: { description: LIST_METADATA_DOC, allOf: [{ $ref: refTo(LIST_META) }] },
    },
    'x-kubernetes-group-version-kind': [{ group: crd.group, kind: crd.listKind, version }],
  };
  return { [itemName]: item, [listName]: list };
}
