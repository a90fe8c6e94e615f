'use client';

import { useMemo } from 'react';
import { podKey } from '@/lib/browser/stream/merge';
import { sidecarSetTimelineResource } from '@/lib/browser/stream/resources';
import { useServerNow } from '@/lib/browser/hooks/use-server-now';
import { useSidecarSetTimeline } from '@/lib/browser/hooks/use-sidecarset-timeline';
import type { PodView, SidecarContainerSummary } from '@/lib/sidecarset/views';
import { useLiveCells, useTracks } from '@/components/rollout-overview/use-overview';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { ExportJson } from './export-json';
import { podTimelineHref } from './links';
import { TimelineBody } from './timeline-body';
import { usePodModels } from './use-pod-models';
import { cursorTickMs, useZoom } from './use-zoom';
import { ZoomControls } from './zoom-controls';

interface Props {
  name: string;
  sidecars: readonly SidecarContainerSummary[];
  pods: readonly PodView[];
  /** Pods mid-upgrade (summary.inFlight): the cursor then moves every second, otherwise every few. */
  inFlight: number;
}

/**
 * The SidecarSet page's timeline: every pod's swimlanes on one time axis, in upgrade order, so a rolling
 * upgrade reads top to bottom; the probe's verdict for the rollout and per pod; live from `timeline/<name>`.
 */
export function SidecarSetTimeline({ name, sidecars: latestSidecars, pods, inFlight }: Props) {
  const { data, error } = useSidecarSetTimeline(name);
  // The summary (and its container list) is replaced on every delta; the models need a new one only when it differs.
  const sidecarsKey = JSON.stringify(latestSidecars);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sidecars = useMemo(() => latestSidecars, [sidecarsKey]);
  const views = useMemo(() => new Map(pods.map((p) => [podKey(p), p])), [pods]);
  const runs = data?.probe.runs ?? [];
  const models = usePodModels(data?.pods ?? [], views, sidecars, runs);
  const latest = runs.at(-1);
  const running = latest !== undefined && latest.endedAt === undefined;
  const now = useServerNow(cursorTickMs(running, inFlight > 0)) ?? data?.generatedAt ?? 0;
  const zoom = useZoom(models, latest, now);
  const perPod = data?.probe.verdicts.find((v) => v.runId === latest?.id)?.perPod;
  const cells = useLiveCells(pods, models, perPod);
  const runsData = data?.probe.runs;
  const probeStarts = useMemo(() => (runsData ?? []).map((r) => r.startedAt), [runsData]);
  const tracks = useTracks(models, probeStarts);

  let body;
  if (error && !data) body = <ErrorState title="Could not load the timeline" message={error.message} />;
  else if (!data) body = <Spinner label="Loading the timeline…" />;
  else if (models.length === 0) body = <EmptyState title="No pod timelines yet">Pods appear here once Kruise has injected the sidecar.</EmptyState>;
  else {
    body = (
      <TimelineBody
        name={name}
        models={models}
        tracks={tracks}
        cells={cells}
        gaps={data.gaps}
        runs={runs}
        verdicts={data.probe.verdicts}
        domain={zoom.domain}
        now={now}
        hrefFor={(m) => podTimelineHref(name, m.namespace, m.name)}
      />
    );
  }
  return (
    <section className="flex flex-col gap-3" aria-labelledby="timeline-title" data-testid="timeline-section">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h2 id="timeline-title" className="text-lg font-semibold">
            Timeline
          </h2>
          {models.length > 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{models.length} pods, in the order they were upgraded</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ZoomControls mode={zoom.mode} onMode={zoom.setMode} win={zoom.win} />
          <ExportJson href={sidecarSetTimelineResource(name).key} filename={`${name}-timeline.json`} />
        </div>
      </div>
      {body}
    </section>
  );
}
