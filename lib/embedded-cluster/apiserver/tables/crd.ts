/**
 * Table printing for custom resources from the CRD's additionalPrinterColumns, as apiextensions-apiserver's
 * table convertor does: a Name column first, then one cell per column read with a simple JSONPath and typed by the
 * column (integer/number/boolean/string as is, `date` as an age), null when the path finds nothing.
 */
import type { KubeObject } from '../../types';
import type { CrdPrinterColumn } from '../openapi/schema-types';
import { ageSince, parseTime } from './duration';
import { NAME_DOC } from './docs';
import { column, rec, type Cell, type TablePrinter } from './types';

type Step = { key: string } | { index: number };

/**
 * Parses the simple JSONPath subset CRD columns use: `.a.b`, `.a[0].b`, `.a['x.y']`, optionally wrapped in `{}`.
 * Returns undefined for anything richer (filters, wildcards, ranges), which then prints as an empty cell.
 */
export function parseSimpleJsonPath(path: string): Step[] | undefined {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p.startsWith('$')) p = p.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '.') {
      const m = /^[A-Za-z0-9_-]+/.exec(p.slice(i + 1));
      if (!m) return undefined;
      steps.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (p[i] === '[') {
      const m = /^\[(?:(\d+)|'([^']*)'|"([^"]*)")\]/.exec(p.slice(i));
      if (!m) return undefined;
      steps.push(m[1] !== undefined ? { index: Number(m[1]) } : { key: m[2] ?? m[3] ?? '' });
      i += m[0].length;
    } else {
      return undefined;
    }
  }
  return steps;
}

export function evalSimpleJsonPath(obj: unknown, path: string): unknown {
  const steps = parseSimpleJsonPath(path);
  if (!steps) return undefined;
  let cur: unknown = obj;
  for (const step of steps) {
    if ('index' in step) {
      cur = Array.isArray(cur) ? cur[step.index] : undefined;
    } else {
      cur = typeof cur === 'object' && cur !== null && !Array.isArray(cur) ? rec(cur)[step.key] : undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** apiextensions' cellForJSONValue, plus the string branch's JSONPath printing (scalars bare, the rest as JSON). */
export function crdCell(type: string, value: unknown, nowMs: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
    case 'date':
      if (typeof value !== 'string') return null;
      return parseTime(value) === undefined ? '<invalid>' : ageSince(value, nowMs);
    default:
      return null;
  }
}

export function crdPrinter(columns: readonly CrdPrinterColumn[]): TablePrinter {
  return {
    columns: [
      column('Name', 'string', NAME_DOC, { format: 'name' }),
      ...columns.map((c) => column(c.name, c.type,
        c.description && c.description.length > 0 ? c.description : `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        { format: c.format ?? '', priority: c.priority ?? 0 })),
    ],
    cells(obj: KubeObject, nowMs: number): Cell[] {
      return [obj.metadata.name ?? '', ...columns.map((c) => crdCell(c.type, evalSimpleJsonPath(obj, c.jsonPath), nowMs))];
    },
  };
}
