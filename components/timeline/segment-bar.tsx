import { cx } from '@/components/ui/cx';
import type { Placed } from './layout';
import { box } from './layout';
import type { EventDot, Segment } from './lanes';
import { segmentClass, segmentWord, shortImage } from './styles';
import { clock, span, type Domain } from './time-scale';
import { TimelineItem } from './timeline-item';

function label(s: Segment): string {
  const img = shortImage(s.image);
  switch (s.state) {
    case 'empty':
      return 'empty';
    case 'waiting':
      return s.fromImage ? `→ ${img}` : `${s.reason ?? 'waiting'} ${img}`;
    case 'running':
      return `${img} (not ready)`;
    case 'failed':
      return `✕ ${s.reason ?? 'failed'}`;
    case 'terminated':
      return `terminated${s.reason ? ` (${s.reason})` : ''}`;
    default:
      return img;
  }
}

/** One stretch of a container in one state, labelled with its image; `●` marks the slot that serves. */
export function SegmentBar({ container, placed, domain, events }: { container: string; placed: Placed<Segment>; domain: Domain; events: readonly EventDot[] }) {
  const s = placed.item;
  const inside = events.filter((e) => e.atMs >= placed.startMs && e.atMs <= placed.endMs).slice(0, 6);
  const lines = [
    s.fromImage ? `${shortImage(s.fromImage)} → ${shortImage(s.image)}` : `image ${shortImage(s.image)}`,
    span(placed.startMs, placed.endMs, placed.open),
    ...(s.reason ? [`reason: ${s.reason}`] : []),
    ...(s.restartCount !== undefined ? [`restarts: ${s.restartCount}`] : []),
    ...(s.serving ? ['serves the traffic (working slot, running and ready)'] : []),
    ...(placed.cut ? ['then a gap: the dashboard lost sight of the cluster'] : []),
    ...inside.map((e) => `${clock(e.atMs, true)} ${e.text}`),
  ];
  return (
    <TimelineItem
      navKey={placed.key}
      title={`${container}: ${segmentWord[s.state]}`}
      lines={lines}
      style={box(domain, placed.startMs, placed.endMs)}
      className={cx(
        'rounded-[3px] px-1 text-[10px] leading-[18px] whitespace-nowrap',
        segmentClass[s.state],
        s.serving && 'shadow-[inset_0_-3px_0_0_rgba(6,78,59,0.85)] dark:shadow-[inset_0_-3px_0_0_rgba(209,250,229,0.9)]',
      )}
      data={{
        'data-testid': 'segment',
        'data-state': s.state,
        'data-image': shortImage(s.image),
        'data-start': s.startMs,
        'data-end': s.open ? undefined : s.endMs,
        'data-serving': s.serving || undefined,
        'data-rv': s.rv,
      }}
    >
      {s.serving && <span aria-hidden="true">● </span>}
      {label(s)}
    </TimelineItem>
  );
}
