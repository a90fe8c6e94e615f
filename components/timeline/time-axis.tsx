'use client';

import type { Gap } from '@/lib/api';
import { cx } from '@/components/ui/cx';
import { ItemGroup } from './item-group';
import { box } from './layout';
import { LABEL_WIDTH, hatchClass } from './styles';
import { clock, duration, intersects, pct, span, ticks, type Domain } from './time-scale';
import { TimelineItem } from './timeline-item';

export const AXIS_HEIGHT = 30;

export const isStartupGap = (g: Gap): boolean => g.id.startsWith('gap/start/');

function gapTitle(g: Gap): string {
  if (isStartupGap(g)) return 'Before the dashboard started recording';
  return g.relist ? 'Watch gap (re-listed)' : 'Watch gap';
}

/**
 * The shared time axis (UTC), sticky above the rows: tick labels, the gaps (focusable, with their reason)
 * and where "now" is when it lies beyond the right edge.
 */
export function TimeAxis({ domain, now, gaps, nowLabel = 'now' }: { domain: Domain; now: number; gaps: readonly Gap[]; nowLabel?: string }) {
  const { step, at } = ticks(domain);
  const visible = gaps.filter((g) => intersects(domain, g.startMs, g.endMs ?? now));
  const nav = [visible.map((g) => ({ key: g.id, atMs: g.startMs }))];
  return (
    <div className="flex items-stretch border-b border-zinc-200 text-[11px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" style={{ height: AXIS_HEIGHT }}>
      <div className="flex shrink-0 items-end pb-1" style={{ width: LABEL_WIDTH }}>
        UTC
      </div>
      <ItemGroup label="Time axis and gaps in the record" rows={nav} className="relative flex-1">
        {/* Labels too close to the edges would be cut off by the chart's border or hidden under "now". */}
        {at.filter((t) => pct(domain, t) > 2 && pct(domain, t) < 95).map((t) => (
          <span key={t} className="absolute bottom-0 -translate-x-1/2 pb-1 tabular-nums" style={{ left: `${pct(domain, t)}%` }}>
            <span aria-hidden="true" className="absolute -bottom-px left-1/2 h-1.5 w-px bg-zinc-400" />
            {clock(t, step < 1000)}
          </span>
        ))}
        {visible.map((g) => {
          const open = g.endMs === undefined;
          const end = g.endMs ?? now;
          const startup = isStartupGap(g);
          return (
            <TimelineItem
              key={g.id}
              navKey={g.id}
              title={`${gapTitle(g)}${open ? ' (still open)' : ''}`}
              lines={[
                startup ? `recording since ${clock(end, true)} UTC` : span(g.startMs, end, open),
                `reason: ${g.reason}`,
                startup
                  ? 'Only container start times and surviving Events are known from before.'
                  : g.relist
                    ? 'The watch had to re-list: changes inside the gap show up at its end, as net results.'
                    : 'The watch resumed where it stopped: changes inside the gap show up as it caught up.',
              ]}
              style={{ ...box(domain, g.startMs, end), minWidth: 6 }}
              className={cx('top-1 bottom-1 rounded-sm border border-zinc-500', hatchClass)}
              data={{ 'data-testid': 'gap-marker', 'data-gap-id': g.id, 'data-open': open || undefined, 'data-relist': g.relist || undefined, 'data-duration': duration(end - g.startMs) }}
            />
          );
        })}
        {now >= domain.startMs && now <= domain.endMs && (
          <span
            aria-hidden="true"
            className="absolute top-0 -translate-x-1/2 rounded-sm bg-sky-700 px-1 text-[10px] font-medium whitespace-nowrap text-white dark:bg-sky-300 dark:text-zinc-950"
            style={{ left: `${pct(domain, now)}%` }}
          >
            {nowLabel}
          </span>
        )}
        {now > domain.endMs && (
          <span className="absolute top-0 right-0 rounded-sm bg-sky-700 px-1 text-[10px] font-medium text-white dark:bg-sky-300 dark:text-zinc-950">
            {nowLabel} {clock(now)} →
          </span>
        )}
      </ItemGroup>
    </div>
  );
}
