'use client';

import { useMemo, useRef, useState, type ReactNode } from 'react';
import { moveKey, type NavItem } from './nav';
import { RovingContext, useTooltip } from './timeline-context';

export interface ItemGroupProps {
  label: string;
  /** Items per lane, in time order: what the arrow keys move through. */
  rows: readonly (readonly NavItem[])[];
  className?: string;
  children: ReactNode;
  data?: { [k: `data-${string}`]: string | number | undefined };
}

/**
 * One tab stop for a whole group of timeline items (a pod's lanes, the axis' gap markers): Tab enters at the
 * last item used, arrows move inside, Esc hides the tooltip. Hundreds of segments stay out of the tab order.
 */
export function ItemGroup({ label, rows, className, children, data }: ItemGroupProps) {
  const ref = useRef<HTMLDivElement>(null);
  const tip = useTooltip();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const all = rows.flat();
  const active = chosen !== undefined && all.some((i) => i.key === chosen) ? chosen : all[0]?.key;
  const roving = useMemo(() => ({ active, setActive: setChosen }), [active]);
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      className={className}
      {...data}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          tip.hide();
          return;
        }
        const target = e.target as HTMLElement;
        const current = target.getAttribute('data-tl-key') ?? undefined;
        if (current === undefined) return;
        const next = moveKey(rows, current, e.key);
        if (next === undefined || next === current) return;
        e.preventDefault();
        ref.current?.querySelector<HTMLElement>(`[data-tl-key="${CSS.escape(next)}"]`)?.focus();
      }}
    >
      <RovingContext.Provider value={roving}>{children}</RovingContext.Provider>
    </div>
  );
}
