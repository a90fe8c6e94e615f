'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { podKey } from '@/lib/browser/stream/merge';
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';
import { cx, focusRing } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { ColumnHeaders } from '@/components/ui/column-headers';
import { tableClass } from '@/components/ui/table-styles';
import { podColumns } from './pod-columns';
import { PodRow, ROW_HEIGHT } from './pod-row';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Code-unit order, not localeCompare: Kubernetes names are ASCII, and this sort runs on every delta. */
const byNamespaceName = (a: PodView, b: PodView) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name);

/**
 * Thousands of pods stay fast: only the visible rows (plus overscan) are in the DOM, between two spacer rows, in
 * a real <table> whose aria-rowcount/aria-rowindex tell assistive tech the full size. Fixed row height and
 * column widths keep the layout still while rows come and go.
 */
export function PodTable({ summary, pods }: { summary: SidecarSetSummary; pods: readonly PodView[] }) {
  const containersKey = JSON.stringify(summary.containers.map((c) => [c.name, c.upgradeType]));
  // Columns depend only on which sidecars exist, not on every summary update.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => podColumns(summary.containers, summary.name), [containersKey, summary.name]);
  const rows = useMemo(() => [...pods].sort(byNamespaceName), [pods]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per row list: a new key function makes the virtualizer re-measure every row on each scroll frame.
  const itemKey = useCallback((i: number) => (rows[i] ? podKey(rows[i]) : i), [rows]);
  const muted = useMemo(() => rows.filter((p) => p.severity === 'muted').length, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only in this component's render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: itemKey,
    // Server render and first paint show the first rows instead of an empty table.
    initialRect: { width: 1280, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="pods-title" className="text-lg font-semibold">
          Pods
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {rows.length} selected{muted > 0 && ` · ${muted} ignored by Kruise (greyed out)`}
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No pods match this SidecarSet's selector" />
      ) : (
        <div
          ref={scrollRef}
          role="region"
          aria-labelledby="pods-title"
          tabIndex={0}
          className={cx('max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800', focusRing)}
        >
          <table className={cx(tableClass, 'table-fixed')} aria-rowcount={rows.length + 1} data-testid="pod-table">
            <caption className="sr-only">Pods selected by SidecarSet {summary.name}</caption>
            <colgroup>
              {columns.map((c) => (
                <col key={c.id} style={{ width: c.width }} />
              ))}
            </colgroup>
            <ColumnHeaders columns={columns} rowIndex={1} />
            <tbody>
              {padTop > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={columns.length} style={{ height: padTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {items.map((vi) => {
                const pod = rows[vi.index];
                return pod ? <PodRow key={vi.key} pod={pod} columns={columns} rowIndex={vi.index + 2} /> : null;
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={columns.length} style={{ height: padBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
