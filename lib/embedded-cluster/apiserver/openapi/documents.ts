/**
 * OpenAPI v3 documents, one per served group-version, and the `/openapi/v3` index that points at them.
 * Documents are static for the life of the process, so each is built once; its hash (part of the URL in the
 * index, as kube-apiserver does) lets kubectl's disk cache keep it until the content changes.
 */
import { createHash } from 'node:crypto';
import { groupVersions, resourcesIn, servedGroups, type ServedResource } from '../discovery/resources';
import { crdDefinitionName, crdSchemas, findCrd } from './crd-schemas';
import { K8S_SCHEMAS } from './generated/k8s-schemas';
import { resourcePaths, DELETE_OPTIONS_SCHEMA, PATCH_SCHEMA, SCALE_SCHEMA, STATUS_SCHEMA, type PathItem } from './paths';
import { SCHEMA_REF_PREFIX, type CrdDefinition, type SchemaObject } from './schema-types';

export const OPENAPI_INFO_VERSION = 'v1.32.4-embedded';

export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, { type: string; description: string; name: string; in: string }>;
  };
  security: Array<Record<string, string[]>>;
}

export interface OpenApiIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

/** `api/v1`, `apis/apps/v1`: the keys of the index and the tail of each document's URL. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

function builtInPrefix(group: string, version: string): string {
  const g = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  return `io.k8s.api.${g}.${version}`;
}

interface KindSchemas {
  item: string;
  list: string;
  builtIn: boolean;
  own: Record<string, SchemaObject>;
}

/** Where a kind's schema comes from: the generated built-in types, else its CRD, else an open object. */
function kindSchemas(r: ServedResource, version: string): KindSchemas {
  const prefix = builtInPrefix(r.group, version);
  if (K8S_SCHEMAS[`${prefix}.${r.kind}`]) {
    return { item: `${prefix}.${r.kind}`, list: `${prefix}.${r.listKind}`, builtIn: true, own: {} };
  }
  const crd: CrdDefinition = findCrd(r.group, r.kind) ?? {
    group: r.group, kind: r.kind, listKind: r.listKind, plural: r.plural, singular: r.singular,
    scope: r.namespaced ? 'Namespaced' : 'Cluster', versions: [],
  };
  return {
    item: crdDefinitionName(r.group, version, r.kind),
    list: crdDefinitionName(r.group, version, r.listKind),
    builtIn: false,
    own: crdSchemas(crd, version),
  };
}

/** Adds `name` and every schema it references, transitively, from the pool to `out`. */
function collect(name: string, pool: (n: string) => SchemaObject | undefined, out: Record<string, SchemaObject>): void {
  if (out[name]) return;
  const schema = pool(name);
  if (!schema) return;
  out[name] = schema;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_REF_PREFIX)) {
          collect(v.slice(SCHEMA_REF_PREFIX.length), pool, out);
        } else {
          visit(v);
        }
      }
    }
  };
  visit(schema);
}

export function buildDocument(group: string, version: string): OpenApiDocument | undefined {
  const resources = resourcesIn(group, version);
  if (resources.length === 0) return undefined;
  const paths: Record<string, PathItem> = {};
  const own: Record<string, SchemaObject> = {};
  const roots = new Set<string>([STATUS_SCHEMA, DELETE_OPTIONS_SCHEMA, PATCH_SCHEMA]);
  for (const r of resources) {
    const names = kindSchemas(r, version);
    Object.assign(own, names.own);
    Object.assign(paths, resourcePaths(r, version, names));
    roots.add(names.item);
    if (r.stored) roots.add(names.list);
    if (r.subresources.includes('scale')) roots.add(SCALE_SCHEMA);
  }
  const schemas: Record<string, SchemaObject> = {};
  const pool = (n: string): SchemaObject | undefined => own[n] ?? K8S_SCHEMAS[n];
  for (const root of [...roots].sort()) collect(root, pool, schemas);
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k] ?? {}]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: OPENAPI_INFO_VERSION },
    paths: Object.fromEntries(Object.keys(paths).sort().map((k) => [k, paths[k] ?? {}])),
    components: {
      schemas: sorted,
      securitySchemes: {
        BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' },
      },
    },
    security: [{ BearerToken: [] }],
  };
}

export interface SerializedDocument {
  body: string;
  /** Upper-case hex SHA-512 of the body, as kube-apiserver puts in `?hash=` and the ETag. */
  hash: string;
}

const cache = new Map<string, SerializedDocument | null>();

/** The serialized document for `api/v1` / `apis/<group>/<version>`, or undefined when that group-version is not served. */
export function serializedDocument(gvPath: string): SerializedDocument | undefined {
  if (!cache.has(gvPath)) {
    const gv = parseGroupVersionPath(gvPath);
    const doc = gv ? buildDocument(gv.group, gv.version) : undefined;
    const body = doc ? JSON.stringify(doc) : undefined;
    cache.set(gvPath, body ? { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() } : null);
  }
  return cache.get(gvPath) ?? undefined;
}

function parseGroupVersionPath(p: string): { group: string; version: string } | undefined {
  const parts = p.split('/');
  if (parts.length === 2 && parts[0] === 'api' && parts[1]) return { group: '', version: parts[1] };
  if (parts.length === 3 && parts[0] === 'apis' && parts[1] && parts[2]) return { group: parts[1], version: parts[2] };
  return undefined;
}

export function buildIndex(): OpenApiIndex {
  const paths: OpenApiIndex['paths'] = {};
  for (const group of servedGroups()) {
    for (const version of groupVersions(group)) {
      const gvPath = groupVersionPath(group, version);
      const doc = serializedDocument(gvPath);
      if (doc) paths[gvPath] = { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${doc.hash}` };
    }
  }
  return { paths };
}
