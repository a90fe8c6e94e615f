'use client';

import type { CSSProperties, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { useRoving, useTooltip } from './timeline-context';

export type DataAttributes = { [k: `data-${string}`]: string | number | boolean | undefined };

export interface TimelineItemProps {
  /** Unique within the pod: the roving tab stop and arrow keys address items by it. */
  navKey: string;
  /** First line of the tooltip; with `lines`, also the accessible name. */
  title: string;
  lines: readonly string[];
  style: CSSProperties;
  className?: string;
  data?: DataAttributes;
  children?: ReactNode;
}

/**
 * Anything on a lane a person can point at or tab to: a segment, a marker, a band, a probe span. A real button
 * (focusable, named), showing the shared tooltip on hover and on focus.
 */
export function TimelineItem({ navKey, title, lines, style, className, data, children }: TimelineItemProps) {
  const tip = useTooltip();
  const roving = useRoving();
  return (
    <button
      type="button"
      data-tl-key={navKey}
      tabIndex={roving.active === navKey ? 0 : -1}
      aria-label={[title, ...lines].join('. ')}
      onFocus={(e) => {
        roving.setActive(navKey);
        tip.show(e.currentTarget, title, lines);
      }}
      onBlur={() => tip.hide()}
      onMouseEnter={(e) => tip.show(e.currentTarget, title, lines)}
      onMouseLeave={() => tip.hide()}
      className={cx(
        'absolute top-0 bottom-0 overflow-hidden text-left focus-visible:z-20 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400',
        className,
      )}
      style={style}
      {...data}
    >
      {children}
    </button>
  );
}
