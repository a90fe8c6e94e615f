'use client';

import { useSyncExternalStore } from 'react';
import { useTooltip } from './timeline-context';

const WIDTH = 340;
const noTip = () => undefined;

/**
 * The details of the hovered or focused item, placed `fixed` beside it so scroll containers do not clip it.
 * The item's accessible name already carries the same text, so the tooltip is for the eyes only.
 */
export function TimelineTooltip() {
  const store = useTooltip();
  const tip = useSyncExternalStore(store.subscribe, store.get, noTip);
  if (!tip) return null;
  const vw = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const vh = typeof window === 'undefined' ? 800 : window.innerHeight;
  const left = Math.max(8, Math.min(tip.rect.left, vw - WIDTH - 8));
  const above = tip.rect.bottom + 140 > vh && tip.rect.top > 160;
  const style = above ? { left, bottom: vh - tip.rect.top + 6, maxWidth: WIDTH } : { left, top: tip.rect.bottom + 6, maxWidth: WIDTH };
  return (
    <div
      role="tooltip"
      aria-hidden="true"
      data-testid="timeline-tooltip"
      style={style}
      className="pointer-events-none fixed z-50 w-max rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs leading-relaxed text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
    >
      <p className="font-semibold">{tip.title}</p>
      {tip.lines.map((l, i) => (
        <p key={i} className="break-words">
          {l}
        </p>
      ))}
    </div>
  );
}
