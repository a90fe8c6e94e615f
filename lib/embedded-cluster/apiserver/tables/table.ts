/**
 * Server-side printing: turns objects into a meta.k8s.io Table, which is what `kubectl get` asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io,...`. Each row carries the object as PartialObjectMetadata
 * by default (kubectl reads namespace and labels from it), the full object for includeObject=Object, or nothing.
 */
import { configMapPrinter, leasePrinter, secretPrinter, serviceAccountPrinter, servicePrinter } from './builtin-config';
import type { KubeObject } from '../../types';
import type { ResourceDef } from '../../resources/definitions';
import { acceptsJson, conversionOf, parseAccept } from '../discovery/accept';
import { findCrd, findCrdVersion } from '../openapi/crd-schemas';
import { controllerRevisionPrinter, deploymentPrinter, eventPrinter, namespacePrinter, nodePrinter, replicaSetPrinter } from './builtin';
import { crdPrinter } from './crd';
import { NAME_DOC } from './docs';
import { podPrinter } from './pod';
import { column, type Table, type TablePrinter, type TableRow } from './types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';
export type TableVersion = 'v1' | 'v1beta1';

export interface ToTableOptions {
  nowMs: number;
  /** Defaults to Metadata, as in kube-apiserver. */
  includeObject?: IncludeObject;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
  /** Omit column definitions (TableOptions.noHeaders), e.g. for watch events after the first. */
  noHeaders?: boolean;
  /** The Table apiVersion the client negotiated; v1 unless it asked for v1beta1 only. */
  tableVersion?: TableVersion;
  /** Which CRD version's printer columns to use; defaults to the kind's preferred version. */
  version?: string;
}

export type KindRef = Pick<ResourceDef, 'group' | 'kind'> & { versions?: readonly string[] };

const BUILTIN: Record<string, TablePrinter> = {
  '/Pod': podPrinter,
  '/Node': nodePrinter,
  '/Namespace': namespacePrinter,
  '/Event': eventPrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/ControllerRevision': controllerRevisionPrinter,
  '/Service': servicePrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
};

/** kube-apiserver's default convertor for kinds without a printer: Name and Created At (RFC 3339). */
const defaultPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  ],
  cells: (obj) => {
    const ts = obj.metadata.creationTimestamp;
    return [obj.metadata.name ?? '', ts ? new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z') : '0001-01-01T00:00:00Z'];
  },
};

export function printerFor(kind: KindRef, version?: string): TablePrinter {
  const builtin = BUILTIN[`${kind.group}/${kind.kind}`];
  if (builtin) return builtin;
  const crd = findCrd(kind.group, kind.kind);
  const v = crd && findCrdVersion(crd, version ?? kind.versions?.[0] ?? crd.versions[0]?.name ?? '');
  return v ? crdPrinter(v.additionalPrinterColumns) : defaultPrinter;
}

function rowObject(obj: KubeObject, include: IncludeObject, tableVersion: TableVersion): unknown {
  switch (include) {
    case 'None':
      return undefined;
    case 'Object':
      return obj;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${tableVersion}`, metadata: obj.metadata };
  }
}

export function toTable(kind: KindRef, objects: readonly KubeObject[], opts: ToTableOptions): Table {
  const printer = printerFor(kind, opts.version);
  const include = opts.includeObject ?? 'Metadata';
  const tableVersion = opts.tableVersion ?? 'v1';
  const rows = objects.map((obj): TableRow => {
    const row: TableRow = { cells: printer.cells(obj, opts.nowMs) };
    const conditions = printer.conditions?.(obj);
    if (conditions) row.conditions = conditions;
    const object = rowObject(obj, include, tableVersion);
    if (object !== undefined) row.object = object;
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${tableVersion}`,
    metadata,
    columnDefinitions: opts.noHeaders ? [] : printer.columns,
    rows,
  };
}

/** Parses the `includeObject` query parameter; undefined for an unrecognized value (kube answers 400 then). */
export function parseIncludeObject(value: string | null | undefined): IncludeObject | undefined {
  if (value === null || value === undefined || value === '') return 'Metadata';
  return value === 'None' || value === 'Metadata' || value === 'Object' ? value : undefined;
}

/**
 * The Table version an Accept header asks for, or undefined when the first JSON range we can serve is a plain
 * object (kubectl always lists plain `application/json` last as its fallback).
 */
export function negotiateTable(accept: string | null | undefined): TableVersion | undefined {
  for (const range of parseAccept(accept)) {
    if (!acceptsJson(range)) continue;
    const conv = conversionOf(range);
    if (!conv) return undefined;
    if (conv.kind === 'Table' && conv.group === 'meta.k8s.io' && (conv.version === 'v1' || conv.version === 'v1beta1')) {
      return conv.version;
    }
    // Another conversion (PartialObjectMetadata…) is not served here: try the client's next choice.
  }
  return undefined;
}

export function wantsTable(accept: string | null | undefined): boolean {
  return negotiateTable(accept) !== undefined;
}

export function tableContentType(version: TableVersion = 'v1'): string {
  return `application/json;as=Table;v=${version};g=meta.k8s.io`;
}

export const TABLE_CONTENT_TYPE = tableContentType('v1');
