import { cx } from '@/components/ui/cx';
import type { Band } from './bands';
import { EventDots } from './event-dots';
import type { Placed } from './layout';
import { box } from './layout';
import type { EventDot } from './lanes';
import { LaneRow } from './lane-row';
import { bandClass, bandWord } from './styles';
import { span, type Domain } from './time-scale';
import { TimelineItem } from './timeline-item';

/** Upgrade bands in the background, Migration and Reset over them: where each pod was in the hot upgrade. */
export function PhaseLane({ bands, events, domain }: { bands: readonly Placed<Band>[]; events: readonly EventDot[]; domain: Domain }) {
  const ordered = [...bands].sort((a, b) => Number(a.item.kind !== 'Upgrade') - Number(b.item.kind !== 'Upgrade'));
  return (
    <LaneRow label={<span>Phases</span>} data={{ 'data-lane-kind': 'phases' }}>
      {ordered.map((p) => {
        const b = p.item;
        const lines = [
          bandWord[b.kind],
          span(p.startMs, p.endMs, p.open),
          `slot ${b.container}`,
          ...(b.failed ? ['the sidecar failed during this upgrade'] : []),
          ...(p.cut ? ['then a gap: the dashboard lost sight of the cluster'] : []),
        ];
        return (
          <TimelineItem
            key={p.key}
            navKey={p.key}
            title={`${b.kind}${b.open ? ' (in progress)' : ''}`}
            lines={lines}
            style={box(domain, p.startMs, p.endMs)}
            className={cx(
              'rounded-[3px] px-1 text-[10px] leading-[18px] font-medium whitespace-nowrap',
              bandClass[b.kind],
              b.kind !== 'Upgrade' && 'z-[5]',
              b.failed && 'ring-2 ring-red-600 ring-inset',
            )}
            data={{ 'data-testid': 'phase-band', 'data-band': b.kind, 'data-start': b.startMs, 'data-end': b.open ? undefined : b.endMs, 'data-container': b.container }}
          >
            {b.kind}
          </TimelineItem>
        );
      })}
      <EventDots events={events} domain={domain} />
    </LaneRow>
  );
}
