/** meta.k8s.io/v1 Table wire types and the printer contract every kind implements. */
import type { KubeObject } from '../../types';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  /** 0 shows by default; 1 shows only with `-o wide`. */
  priority: number;
}

export type Cell = string | number | boolean | null;

export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Cells are produced as by kube's printers with Wide=true: the server always sends every column. */
export interface TablePrinter {
  columns: TableColumnDefinition[];
  cells(obj: KubeObject, nowMs: number): Cell[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

export function column(name: string, type: string, description: string, extra: { format?: string; priority?: number } = {}): TableColumnDefinition {
  return { name, type, format: extra.format ?? '', description, priority: extra.priority ?? 0 };
}

/** Loose readers over the JSON wire shape; printers must tolerate any field being absent, as Go's zero values do. */
export function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
