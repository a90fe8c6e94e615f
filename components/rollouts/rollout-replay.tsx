'use client';

import { useMemo } from 'react';
import type { Gap, RolloutRecordResponse } from '@/lib/api';
import type { PodView } from '@/lib/sidecarset/views';
import { useTracks } from '@/components/rollout-overview/use-overview';
import { TimelineBody } from '@/components/timeline/timeline-body';
import { usePodModels } from '@/components/timeline/use-pod-models';
import { useZoom } from '@/components/timeline/use-zoom';
import { ZoomControls } from '@/components/timeline/zoom-controls';
import { EmptyState } from '@/components/ui/empty-state';
import { recordCells, recordEndMs, recordSidecars } from './record-model';

const NO_VIEWS: ReadonlyMap<string, PodView> = new Map();

/** The record's gaps (which include the time the dashboard was down) and its timeline's, once each. */
function allGaps(r: RolloutRecordResponse): Gap[] {
  const seen = new Map<string, Gap>();
  for (const g of [...r.gaps, ...r.timeline.gaps]) if (!seen.has(g.id)) seen.set(g.id, g);
  return [...seen.values()].sort((a, b) => a.startMs - b.startMs);
}

/**
 * A recorded rollout drawn with the live page's own components, frozen at its end: "now" is the record's end,
 * so nothing moves, and the pods are shown as the record left them.
 */
export function RolloutReplay({ record }: { record: RolloutRecordResponse }) {
  const sidecars = useMemo(() => recordSidecars(record), [record]);
  const runs = record.timeline.probe.runs;
  const models = usePodModels(record.timeline.pods, NO_VIEWS, sidecars, runs);
  const now = recordEndMs(record);
  const zoom = useZoom(models, runs.at(-1), now);
  // The rollout's own start is known exactly here; probe runs add nothing earlier but keep the live rule.
  const starts = useMemo(() => [record.startedAt, ...runs.map((r) => r.startedAt)], [record.startedAt, runs]);
  const tracks = useTracks(models, starts);
  const cells = useMemo(() => recordCells(record, models, tracks, now), [record, models, tracks, now]);
  const gaps = useMemo(() => allGaps(record), [record]);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="replay-title" data-testid="rollout-replay">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="replay-title" className="text-lg font-semibold">
          Timeline, as recorded
        </h2>
        <ZoomControls mode={zoom.mode} onMode={zoom.setMode} win={zoom.win} />
      </div>
      {models.length === 0 ? (
        <EmptyState title="No pod timelines in this record" />
      ) : (
        <TimelineBody
          name={record.sidecarSet}
          models={models}
          tracks={tracks}
          cells={cells}
          gaps={gaps}
          runs={runs}
          verdicts={record.timeline.probe.verdicts}
          domain={zoom.domain}
          now={now}
          nowLabel={record.endedAt === undefined ? 'recorded' : 'end'}
        />
      )}
    </section>
  );
}
