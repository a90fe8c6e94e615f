import type { Column } from './column';
import { thClass, theadClass } from './table-styles';

/** The header row of a table built from column declarations (DataTable, the virtualised pod table). */
export function ColumnHeaders<T>({ columns, rowIndex }: { columns: readonly Column<T>[]; rowIndex?: number }) {
  return (
    <thead className={theadClass}>
      <tr aria-rowindex={rowIndex}>
        {columns.map((c) => (
          <th key={c.id} scope="col" className={thClass}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
