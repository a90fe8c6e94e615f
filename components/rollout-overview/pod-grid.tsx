'use client';

import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { cx, focusRing } from '@/components/ui/cx';
import { gridMove, type PodCell } from './grid-model';
import { stateClass } from './states';

/** 12 px cells, 2 px apart: 2,000 pods take ~25 rows of a 1,200 px wide screen. */
const CELL = 12;
const GAP = 2;

interface CellProps {
  cell: PodCell;
  index: number;
  active: boolean;
}

/** One pod. Memoised on what it draws, so a delta about one pod re-renders one cell of thousands. */
const Cell = memo(
  function Cell({ cell, index, active }: CellProps) {
    return (
      <div
        role="gridcell"
        tabIndex={active ? 0 : -1}
        aria-label={cell.label}
        data-index={index}
        data-testid="pod-cell"
        data-pod={cell.key}
        data-state={cell.state}
        data-lossy={cell.lossy || undefined}
        className={cx('relative shrink-0 cursor-pointer rounded-[2px]', focusRing, stateClass(cell.state, cell.severity))}
        style={{ width: CELL, height: CELL }}
      >
        {cell.lossy && <span aria-hidden="true" className="absolute -top-px -right-px size-[6px] rounded-full bg-zinc-950 ring-1 ring-white dark:bg-white dark:ring-zinc-950" />}
      </div>
    );
  },
  (a, b) => a.cell === b.cell && a.index === b.index && a.active === b.active,
);

interface Props {
  cells: readonly PodCell[];
  label: string;
  /** Enter, Space or a click on a pod: show its swimlanes. */
  onOpen: (key: string) => void;
}

const indexOf = (e: SyntheticEvent): number | undefined => {
  const at = (e.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
  return at === null || at === undefined ? undefined : Number(at);
};

/**
 * Every pod as one small cell, coloured by its phase and patterned by its state, lossy pods dotted. A data grid
 * for the keyboard: one tab stop (roving tabindex), arrows move, Enter opens. Events are handled once on the grid
 * (delegated), so cells carry no handlers and stay memoised. Rows follow the measured width.
 */
export const PodGrid = memo(function PodGrid({ cells, label, onOpen }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [cols, setCols] = useState(60);
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const [pointed, setPointed] = useState<number | undefined>(undefined);
  const [focused, setFocused] = useState<number | undefined>(undefined);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setCols(Math.max(1, Math.floor((el.clientWidth + GAP) / (CELL + GAP))));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const found = activeKey === undefined ? -1 : cells.findIndex((c) => c.key === activeKey);
  const active = found >= 0 ? found : 0;
  const rows: (readonly PodCell[])[] = [];
  for (let i = 0; i < cells.length; i += cols) rows.push(cells.slice(i, i + cols));

  const moveTo = (i: number) => {
    const c = cells[i];
    if (!c) return;
    setActiveKey(c.key);
    ref.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = indexOf(e);
    if (i === undefined) return;
    const c = cells[i];
    if ((e.key === 'Enter' || e.key === ' ') && c) {
      e.preventDefault();
      onOpen(c.key);
      return;
    }
    const next = gridMove(i, e.key, cells.length, cols, e.ctrlKey || e.metaKey);
    if (next === undefined) return;
    e.preventDefault();
    moveTo(next);
  };
  const shown = cells[pointed ?? focused ?? -1];

  return (
    <div className="flex flex-col gap-1">
      <div
        ref={ref}
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length}
        aria-colcount={Math.min(cols, cells.length)}
        data-testid="pod-grid"
        data-cols={cols}
        className="flex flex-col"
        style={{ gap: GAP }}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          const i = indexOf(e);
          const c = i === undefined ? undefined : cells[i];
          if (i === undefined || !c) return;
          setActiveKey(c.key);
          onOpen(c.key);
        }}
        onFocus={(e) => {
          const i = indexOf(e);
          setFocused(i);
          const c = i === undefined ? undefined : cells[i];
          if (c) setActiveKey(c.key);
        }}
        onBlur={() => setFocused(undefined)}
        onMouseOver={(e) => setPointed(indexOf(e))}
        onMouseLeave={() => setPointed(undefined)}
      >
        {rows.map((row, r) => (
          <div key={r} role="row" aria-rowindex={r + 1} className="flex" style={{ gap: GAP }}>
            {row.map((c, j) => (
              <Cell key={c.key} cell={c} index={r * cols + j} active={r * cols + j === active} />
            ))}
          </div>
        ))}
      </div>
      {/* Names what the pointer or the focus is on; not live: the focused cell's own name is what is announced. */}
      <p className="min-h-5 truncate text-xs text-zinc-700 dark:text-zinc-300" data-testid="grid-readout">
        {shown ? shown.label : 'Point at or focus a pod to name it; click or Enter shows its swimlanes.'}
      </p>
    </div>
  );
});
