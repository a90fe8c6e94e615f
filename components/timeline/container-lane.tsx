import { EventDots } from './event-dots';
import type { LaneLayout } from './layout';
import { LaneMarkerItem } from './lane-marker';
import { LaneRow } from './lane-row';
import { SegmentBar } from './segment-bar';
import type { Domain } from './time-scale';

const roleText = { app: 'app', slot: 'hot slot', sidecar: 'sidecar' } as const;

/** One container's lane: its state segments, restart and flip markers, and its events. */
export function ContainerLane({ layout, domain }: { layout: LaneLayout; domain: Domain }) {
  const c = layout.lane.container;
  return (
    <LaneRow
      label={
        <span className="truncate" title={`${c.name} (${roleText[c.role]})`}>
          <span className="font-mono">{c.name}</span>
          <span className="text-[10px] text-zinc-600 dark:text-zinc-400"> · {roleText[c.role]}</span>
        </span>
      }
      data={{ 'data-container': c.name, 'data-lane-kind': c.role }}
    >
      {layout.segments.map((p) => (
        <SegmentBar key={p.key} container={c.name} placed={p} domain={domain} events={layout.events} />
      ))}
      {layout.markers.map((p) => (
        <LaneMarkerItem key={p.key} container={c.name} placed={p} domain={domain} />
      ))}
      <EventDots events={layout.events} domain={domain} />
    </LaneRow>
  );
}
