'use client';

import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { cx, focusRing } from './cx';

export interface HintProps {
  /** What the user points at or tabs to. */
  trigger: ReactNode;
  /** Accessible name of the trigger when it has no text of its own (e.g. an info icon). */
  triggerLabel?: string;
  /** The explanation; also the trigger's accessible description. */
  children: ReactNode;
  className?: string;
}

const WIDTH = 320;

/**
 * A tooltip that works for the mouse (hover), the keyboard (focus) and touch (tap), dismissible with Esc
 * (WCAG 1.4.13). Positioned `fixed` from the trigger so scrolling table containers do not clip it.
 */
export function Hint({ trigger, triggerLabel, children, className }: HintProps) {
  const id = useId();
  const ref = useRef<HTMLButtonElement>(null);
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);

  const show = () => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - WIDTH - 8));
    const below = r.bottom + 6;
    const placeAbove = below + 120 > window.innerHeight && r.top > 140;
    setStyle(placeAbove ? { left, bottom: window.innerHeight - r.top + 6 } : { left, top: below });
  };
  const hide = () => setStyle(undefined);

  return (
    <span className={cx('inline-flex', className)} onMouseEnter={show} onMouseLeave={hide}>
      <button
        ref={ref}
        type="button"
        aria-label={triggerLabel}
        aria-describedby={id}
        onFocus={show}
        onBlur={hide}
        onClick={() => (style ? hide() : show())}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && style) {
            e.stopPropagation();
            hide();
          }
        }}
        className={cx('inline-flex cursor-help items-center rounded-md', focusRing)}
      >
        {trigger}
      </button>
      <span
        id={id}
        role="tooltip"
        hidden={!style}
        style={{ ...style, maxWidth: WIDTH }}
        className="fixed z-50 w-max rounded-md border border-zinc-200 bg-white px-3 py-2 text-left text-xs leading-relaxed font-normal whitespace-normal text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
      >
        {children}
      </span>
    </span>
  );
}
