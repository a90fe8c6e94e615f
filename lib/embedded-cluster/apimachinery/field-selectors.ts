import { badRequest } from './errors';
import { parseFieldSelector, type FieldSupport } from './field-selector-query';

/**
 * Which fields each kind lets `fieldSelector` filter on, and how their values are read from the JSON object.
 * Mirrors kube-apiserver's field-label conversion funcs (pkg/apis/core/v1/conversion.go) and the registries'
 * ToSelectableFields: values are strings, absent fields read as "" (so `spec.nodeName=` finds unscheduled pods),
 * booleans as "true"/"false", integers in decimal.
 */

type JsonRecord = Record<string, unknown>;

/** A path into the object, or a function for values that are derived rather than copied. */
export type FieldSource = readonly string[] | ((obj: JsonRecord) => string);

export interface KindFieldTable {
  readonly fields: Readonly<Record<string, FieldSource>>;
  /** Legacy spellings the conversion func rewrites to another field. */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Kinds with no conversion func of their own go through runtime.DefaultMetaV1FieldSelectorConversion,
   * which words its refusal differently.
   */
  readonly defaultConversion?: boolean;
}

function record(v: unknown): JsonRecord | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonRecord) : undefined;
}

function at(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) cur = record(cur)?.[p];
  return cur;
}

function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec !== undefined && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const META = { 'metadata.name': ['metadata', 'name'], 'metadata.namespace': ['metadata', 'namespace'] } as const;
const NAME_ONLY = { 'metadata.name': ['metadata', 'name'] } as const;

function podIP(pod: JsonRecord): string {
  const ips = at(pod, ['status', 'podIPs']);
  const first = Array.isArray(ips) ? record(ips[0]) : undefined;
  // v1 → internal conversion fills podIPs from the singular podIP when only that is set.
  return str(first?.ip) || str(at(pod, ['status', 'podIP']));
}

export const FIELD_SELECTOR_TABLES: Readonly<Record<string, KindFieldTable>> = {
  Pod: {
    fields: {
      ...META,
      'spec.nodeName': ['spec', 'nodeName'],
      'spec.restartPolicy': ['spec', 'restartPolicy'],
      'spec.schedulerName': ['spec', 'schedulerName'],
      'spec.serviceAccountName': ['spec', 'serviceAccountName'],
      'spec.hostNetwork': (o) => String(at(o, ['spec', 'hostNetwork']) === true),
      'status.phase': ['status', 'phase'],
      'status.podIP': podIP,
      // Accepted by the conversion func but never given a value by the registry, so it reads as "".
      'status.podIPs': () => '',
      'status.nominatedNodeName': ['status', 'nominatedNodeName'],
    },
    aliases: { 'spec.host': 'spec.nodeName' },
  },
  Node: {
    fields: { ...NAME_ONLY, 'spec.unschedulable': (o) => String(at(o, ['spec', 'unschedulable']) === true) },
  },
  Namespace: {
    fields: { ...NAME_ONLY, 'status.phase': ['status', 'phase'] },
  },
  Event: {
    fields: {
      ...META,
      'involvedObject.kind': ['involvedObject', 'kind'],
      'involvedObject.namespace': ['involvedObject', 'namespace'],
      'involvedObject.name': ['involvedObject', 'name'],
      'involvedObject.uid': ['involvedObject', 'uid'],
      'involvedObject.apiVersion': ['involvedObject', 'apiVersion'],
      'involvedObject.resourceVersion': ['involvedObject', 'resourceVersion'],
      'involvedObject.fieldPath': ['involvedObject', 'fieldPath'],
      reason: ['reason'],
      reportingComponent: ['reportingComponent'],
      // Events from the events.k8s.io API carry only the reporting controller.
      source: (o) => str(at(o, ['source', 'component'])) || str(o.reportingComponent),
      type: ['type'],
    },
  },
  Secret: { fields: { ...META, type: ['type'] } },
  Service: { fields: { ...META, 'spec.clusterIP': ['spec', 'clusterIP'], 'spec.type': ['spec', 'type'] } },
  ReplicationController: {
    fields: { ...META, 'status.replicas': (o) => str(at(o, ['status', 'replicas'])) || '0' },
  },
  Deployment: { fields: META, defaultConversion: true },
  ReplicaSet: { fields: META, defaultConversion: true },
  ControllerRevision: { fields: META, defaultConversion: true },
  DaemonSet: { fields: META, defaultConversion: true },
  ConfigMap: { fields: META, defaultConversion: true },
  ServiceAccount: { fields: META, defaultConversion: true },
  Endpoints: { fields: META, defaultConversion: true },
};

export interface FieldGetterOptions {
  /**
   * Only consulted for kinds without a table (custom resources): a cluster-scoped custom resource such as
   * SidecarSet does not accept `metadata.namespace`. Defaults to true.
   */
  namespaced?: boolean;
}

/**
 * The field-selector support of one kind. Kinds without a table are treated as custom resources:
 * metadata.name (and metadata.namespace when namespaced) only, refused with "field label not supported".
 */
export function fieldGetter(kind: string, opts: FieldGetterOptions = {}): FieldSupport {
  const table: KindFieldTable = own(FIELD_SELECTOR_TABLES, kind) ?? { fields: opts.namespaced === false ? NAME_ONLY : META };
  const fields = Object.keys(table.fields);
  return {
    kind,
    fields,
    resolve(label: string): string {
      const canonical = own(table.aliases, label) ?? label;
      if (own(table.fields, canonical) !== undefined) return canonical;
      if (table.defaultConversion) {
        throw badRequest(`${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
      }
      throw badRequest(`field label not supported: ${label}`);
    },
    get(obj: unknown, field: string): string {
      const source = own(table.fields, field);
      const o = record(obj);
      if (source === undefined || o === undefined) return '';
      return typeof source === 'function' ? source(o) : str(at(o, source));
    },
  };
}

/**
 * A `fieldSelector` query parameter as a predicate over objects of `kind`. Throws ApiError 400 for a malformed
 * selector or a field the kind cannot be selected by. Pass `namespaced: false` for cluster-scoped custom resources.
 */
export function fieldSelectorFilter(kind: string, selector: string, opts: FieldGetterOptions = {}): (obj: unknown) => boolean {
  const query = parseFieldSelector(selector, fieldGetter(kind, opts));
  return (obj) => query.matches(obj);
}
