import type { ReactNode } from 'react';

/** A declarative table column (Headlamp's model): pages list columns, tables render them. */
export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** CSS width for fixed-layout (virtualized) tables, e.g. '12rem'. */
  width?: string;
  className?: string;
}
