import { cx } from './cx';
import type { Column } from './column';
import { Table } from './table';
import { ColumnHeaders } from './column-headers';
import { tdClass } from './table-styles';

export interface DataTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
}

/** A plain table from column declarations, for lists of up to a few hundred rows. */
export function DataTable<T>({ caption, columns, rows, rowKey, rowTestId }: DataTableProps<T>) {
  return (
    <Table caption={caption}>
      <ColumnHeaders columns={columns} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
            {columns.map((c) => (
              <td key={c.id} className={cx(tdClass, 'align-top', c.className)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
