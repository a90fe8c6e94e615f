'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Gap } from '@/lib/api';
import { cx, focusRing } from '@/components/ui/cx';
import { gapIntervals } from './gaps';
import type { PodModel } from './pod-model';
import { PodTimelineRow, podRowHeight } from './pod-timeline-row';
import { TimeAxis } from './time-axis';
import type { Domain } from './time-scale';
import { TooltipContext } from './timeline-context';
import { TimelineOverlay } from './timeline-overlay';
import { TimelineTooltip } from './timeline-tooltip';
import { TooltipStore } from './tooltip-store';

interface Props {
  /** In display order: top to bottom. */
  models: readonly PodModel[];
  domain: Domain;
  now: number;
  gaps: readonly Gap[];
  label: string;
  hrefFor?: (m: PodModel) => string;
  /** Scroll to this pod's row and focus it; a new object for each request (the overview's "show its swimlanes"). */
  jumpTo?: { key: string };
  /** What the cursor is called: "now" live, "end" on a replay frozen at the record's end. */
  nowLabel?: string;
}

/**
 * Pods' swimlanes on one time axis. Virtualised like the pod table: only the rows in view (plus a few) are in
 * the DOM, so a SidecarSet with a thousand pods scrolls as lightly as one with three. The gap hatching and the
 * "now" cursor are drawn once across all rows.
 */
export function TimelineChart({ models, domain, now, gaps, label, hrefFor, jumpTo, nowLabel }: Props) {
  const [tooltip] = useState(() => new TooltipStore());
  const scrollRef = useRef<HTMLDivElement>(null);
  const intervals = useMemo(() => gapIntervals(gaps, now), [gaps, now]);
  const size = useCallback((i: number) => (models[i] ? podRowHeight(models[i]) : 100), [models]);
  const itemKey = useCallback((i: number) => models[i]?.key ?? i, [models]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only in this component's render
  const virtualizer = useVirtualizer({
    count: models.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: size,
    overscan: 4,
    getItemKey: itemKey,
    initialRect: { width: 1280, height: 720 },
  });
  // A jump scrolls the virtualised list first; the row exists only once the virtualizer has rendered it, so
  // focus waits for the render that brings it in (the virtualizer re-renders on scroll).
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!jumpTo) return;
    const i = models.findIndex((m) => m.key === jumpTo.key);
    if (i < 0) return;
    pending.current = jumpTo.key;
    virtualizer.scrollToIndex(i, { align: 'start' });
    // models are read for the index at the moment of the jump only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpTo]);
  useEffect(() => {
    const key = pending.current;
    if (key === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-pod="${CSS.escape(key)}"]`);
    const target = row?.querySelector<HTMLElement>('[tabindex="0"]');
    if (!row || !target) return;
    pending.current = undefined;
    row.scrollIntoView({ block: 'nearest' });
    target.focus({ preventScroll: true });
  });
  return (
    <TooltipContext.Provider value={tooltip}>
      <div
        ref={scrollRef}
        role="region"
        aria-label={label}
        tabIndex={0}
        onScroll={() => tooltip.hide()}
        data-testid="timeline-chart"
        data-domain-start={domain.startMs}
        data-domain-end={domain.endMs}
        className={cx('max-h-[75vh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800', focusRing)}
      >
        <div className="sticky top-0 z-30 bg-white px-3 dark:bg-zinc-950">
          <TimeAxis domain={domain} now={now} gaps={gaps} nowLabel={nowLabel} />
        </div>
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          <div className="absolute inset-x-3 inset-y-0">
            <TimelineOverlay domain={domain} now={now} gaps={intervals} />
          </div>
          {virtualizer.getVirtualItems().map((vi) => {
            const m = models[vi.index];
            return m ? (
              <div key={vi.key} className="absolute inset-x-3 border-b border-zinc-100 dark:border-zinc-800" style={{ top: vi.start, height: vi.size }}>
                <PodTimelineRow model={m} domain={domain} now={now} gaps={intervals} href={hrefFor?.(m)} />
              </div>
            ) : null;
          })}
        </div>
      </div>
      <TimelineTooltip />
    </TooltipContext.Provider>
  );
}
