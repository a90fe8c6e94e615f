'use client';

import Link from 'next/link';
import { memo } from 'react';
import { Badge } from '@/components/ui/badge';
import { cx, focusRing } from '@/components/ui/cx';
import { ContainerLane } from './container-lane';
import type { Interval } from './gaps';
import { ItemGroup } from './item-group';
import { layoutPod } from './layout';
import { LANE_HEIGHT, LaneRow } from './lane-row';
import { PhaseLane } from './phase-lane';
import type { PodModel } from './pod-model';
import { ProbeLane } from './probe-lane';
import { LABEL_WIDTH } from './styles';
import type { Domain } from './time-scale';
import { VerdictText } from './verdict-text';

const HEADER_HEIGHT = 32;
const ROW_PADDING = 8;

/** Fixed per pod (from its lane count), so a virtualised list knows every row's height without measuring. */
export function podRowHeight(m: PodModel): number {
  return HEADER_HEIGHT + (m.lanes.length + 2) * LANE_HEIGHT + ROW_PADDING;
}

interface Props {
  model: PodModel;
  domain: Domain;
  now: number;
  gaps: readonly Interval[];
  /** Link target for the pod's name (its deep link), if any. */
  href?: string;
}

/**
 * One pod: a header (name, phase, verdict), then a lane per container, the phase bands and the probe. The
 * row carries `data-pod` and `data-rv` (the latest pod write it shows) for benchmarks watching the DOM.
 */
export const PodTimelineRow = memo(function PodTimelineRow({ model: m, domain, now, gaps, href }: Props) {
  const layout = layoutPod(m, domain, now, gaps);
  const name = `${m.namespace}/${m.name}`;
  return (
    <div data-testid="pod-timeline" data-pod={m.key} data-rv={m.rv} className="flex flex-col" style={{ height: podRowHeight(m) }}>
      <div className="flex items-center gap-3 text-sm" style={{ height: HEADER_HEIGHT }}>
        {/* At least the lane labels' width, so the badges line up; wider names keep their full length. */}
        <div className="flex max-w-[45%] shrink-0 items-center gap-2 truncate" style={{ minWidth: LABEL_WIDTH }}>
          {href ? (
            <Link href={href} className={cx('truncate font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing)} title={name}>
              {m.name}
            </Link>
          ) : (
            <span className="truncate font-medium" title={name}>
              {m.name}
            </span>
          )}
        </div>
        <div className="flex min-w-0 flex-1 items-center gap-3 text-xs">
          {m.view && <Badge severity={m.view.severity}>{m.view.phaseLabel}</Badge>}
          {m.deleted && <Badge severity="muted">deleted</Badge>}
          {m.truncated > 0 && <span className="text-zinc-600 dark:text-zinc-400">{m.truncated} oldest entries dropped</span>}
          <VerdictText verdict={m.verdict} testId="pod-verdict" className="truncate" />
        </div>
      </div>
      <ItemGroup label={`Timeline of pod ${name}`} rows={layout.nav}>
        {layout.lanes.map((l) => (
          <ContainerLane key={l.lane.container.name} layout={l} domain={domain} />
        ))}
        <PhaseLane bands={layout.bands} events={layout.podEvents} domain={domain} />
        {m.probe ? (
          <ProbeLane spans={layout.spans} switches={layout.switches} domain={domain} target={`:${m.probe.port}${m.probe.path}`} />
        ) : (
          <LaneRow label="Probe" data={{ 'data-lane-kind': 'probe' }}>
            <span className="absolute inset-0 px-1 text-[10px] leading-[18px] text-zinc-600 dark:text-zinc-400">not probed</span>
          </LaneRow>
        )}
      </ItemGroup>
    </div>
  );
});
