import { cx } from '@/components/ui/cx';
import type { Placed } from './layout';
import type { LaneMarker } from './lanes';
import { clock, pct, type Domain } from './time-scale';
import { TimelineItem } from './timeline-item';

const look = {
  restart: { glyph: '↻', word: 'restart', className: 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-950' },
  flip: { glyph: '⇄', word: 'working slot flip', className: 'bg-emerald-800 text-white dark:bg-emerald-300 dark:text-zinc-950' },
} as const;

/** A restart, or the flip of the serving slot: a point in time, drawn as a small badge centred on it. */
export function LaneMarkerItem({ container, placed, domain }: { container: string; placed: Placed<LaneMarker>; domain: Domain }) {
  const m = placed.item;
  const l = look[m.kind];
  const lines = [
    `${clock(m.atMs, true)} UTC`,
    m.text,
    ...(m.kind === 'flip'
      ? ["The new slot runs its image and is ready. (Kruise's working-slot annotation flipped earlier, at the upgrade write.)"]
      : []),
  ];
  return (
    <TimelineItem
      navKey={placed.key}
      title={`${container}: ${l.word}`}
      lines={lines}
      // A restart ends at its time and a flip starts there: the two often share a pod write and must not overlap.
      style={{ left: m.kind === 'restart' ? `calc(${pct(domain, m.atMs)}% - 14px)` : `${pct(domain, m.atMs)}%`, width: 14 }}
      className={cx('z-10 my-auto h-[14px] rounded-full text-center text-[10px] leading-[14px] font-bold', l.className)}
      data={{ 'data-testid': m.kind === 'restart' ? 'restart-marker' : 'flip-marker', 'data-at': m.atMs, 'data-to': m.to, 'data-rv': m.rv }}
    >
      <span aria-hidden="true">{l.glyph}</span>
    </TimelineItem>
  );
}
