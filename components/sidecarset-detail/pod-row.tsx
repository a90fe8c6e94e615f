import { memo } from 'react';
import type { PodView } from '@/lib/sidecarset/views';
import type { Column } from '@/components/ui/column';
import { cx } from '@/components/ui/cx';
import { tdClass } from '@/components/ui/table-styles';

export const ROW_HEIGHT = 56;

/** Pods Kruise ignores (not injected, inactive) are greyed with text colour only: opacity would fail contrast. */
const muted = 'bg-zinc-50 text-zinc-600 dark:bg-zinc-900/50 dark:text-zinc-400';

interface PodRowProps {
  pod: PodView;
  columns: readonly Column<PodView>[];
  /** 1-based, counting the header row, for aria-rowindex in a virtualized table. */
  rowIndex: number;
}

/** Memoized: a stream delta replaces only the pods that changed, so other rows skip rendering. */
export const PodRow = memo(function PodRow({ pod, columns, rowIndex }: PodRowProps) {
  const greyed = pod.severity === 'muted';
  return (
    <tr
      aria-rowindex={rowIndex}
      data-testid="pod-row"
      data-pod={`${pod.namespace}/${pod.name}`}
      // The pod write this row shows: lets a benchmark time a write's way to the screen (npm run bench).
      data-rv={pod.resourceVersion}
      data-muted={greyed || undefined}
      style={{ height: ROW_HEIGHT }}
      className={cx(greyed ? muted : 'hover:bg-zinc-50 dark:hover:bg-zinc-900/60')}
    >
      {columns.map((c) => (
        <td key={c.id} className={cx(tdClass, 'overflow-hidden py-1.5', c.className)}>
          {c.cell(pod)}
        </td>
      ))}
    </tr>
  );
});
