import type { ReactNode } from 'react';
import { cx, focusRing } from './cx';
import { tableClass } from './table-styles';

export interface TableProps {
  /** Names the table for assistive tech; visually hidden. */
  caption: string;
  children: ReactNode;
  className?: string;
}

/** A horizontally scrollable table in a bordered card. */
export function Table({ caption, children, className }: TableProps) {
  return (
    // Focusable and named so keyboard users can scroll it when it overflows (axe: scrollable-region-focusable).
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cx('overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800', focusRing, className)}
    >
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
