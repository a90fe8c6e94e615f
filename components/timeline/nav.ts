/**
 * Keyboard movement inside one pod's swimlanes (one tab stop per pod, arrows inside): Left/Right along a lane,
 * Up/Down to the nearest item in time on the lane above or below, Home/End to a lane's ends.
 */
export interface NavItem {
  key: string;
  atMs: number;
}

export function moveKey(rows: readonly (readonly NavItem[])[], current: string | undefined, key: string): string | undefined {
  const r = rows.findIndex((row) => row.some((i) => i.key === current));
  if (r < 0) return rows.find((row) => row.length > 0)?.[0]?.key;
  const row = rows[r] as readonly NavItem[];
  const c = row.findIndex((i) => i.key === current);
  const here = row[c] as NavItem;
  switch (key) {
    case 'ArrowRight':
      return row[Math.min(row.length - 1, c + 1)]?.key;
    case 'ArrowLeft':
      return row[Math.max(0, c - 1)]?.key;
    case 'Home':
      return row[0]?.key;
    case 'End':
      return row[row.length - 1]?.key;
    case 'ArrowDown':
    case 'ArrowUp': {
      const dir = key === 'ArrowDown' ? 1 : -1;
      for (let k = r + dir; k >= 0 && k < rows.length; k += dir) {
        const other = rows[k] as readonly NavItem[];
        if (other.length === 0) continue;
        let best = other[0] as NavItem;
        for (const i of other) if (Math.abs(i.atMs - here.atMs) < Math.abs(best.atMs - here.atMs)) best = i;
        return best.key;
      }
      return current;
    }
    default:
      return undefined;
  }
}
