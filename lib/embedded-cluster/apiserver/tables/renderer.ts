/**
 * Adapts toTable to the apiserver's TableRenderer seam (resource-handler.ts): the clock is injected once, and
 * the query's raw includeObject is validated here so a bad value is a 400 as in kube-apiserver.
 */
import { badRequest } from '../../apimachinery/errors';
import type { ResourceDef } from '../../resources/definitions';
import type { KubeObject } from '../../types';
import { parseIncludeObject, tableContentType, toTable, wantsTable } from './table';
import type { Table } from './types';

export interface TableRenderOptions {
  includeObject?: string;
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
  noHeaders?: boolean;
}

export interface TableRendererAdapter {
  wants(accept: string | undefined): boolean;
  contentType: string;
  render(def: ResourceDef, objects: KubeObject[], opts: TableRenderOptions): Table;
}

export function createTableRenderer(now: () => number): TableRendererAdapter {
  return {
    wants: (accept) => wantsTable(accept),
    contentType: tableContentType('v1'),
    render(def, objects, opts) {
      const includeObject = parseIncludeObject(opts.includeObject);
      if (!includeObject) throw badRequest(`unrecognized includeObject value: "${opts.includeObject ?? ''}"`);
      return toTable(def, objects, {
        nowMs: now(),
        includeObject,
        resourceVersion: opts.resourceVersion,
        ...(opts.continueToken ? { continue: opts.continueToken } : {}),
        ...(opts.remainingItemCount !== undefined ? { remainingItemCount: opts.remainingItemCount } : {}),
        ...(opts.noHeaders ? { noHeaders: true } : {}),
      });
    },
  };
}
