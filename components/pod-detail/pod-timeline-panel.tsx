'use client';

import { useMemo } from 'react';
import { podTimelineResource } from '@/lib/browser/stream/resources';
import { usePodTimeline } from '@/lib/browser/hooks/use-pod-timeline';
import { useServerNow } from '@/lib/browser/hooks/use-server-now';
import type { PodView, SidecarContainerSummary } from '@/lib/sidecarset/views';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { ExportJson } from '@/components/timeline/export-json';
import { GapList } from '@/components/timeline/gap-list';
import { RolloutVerdict } from '@/components/timeline/rollout-verdict';
import { TimelineChart } from '@/components/timeline/timeline-chart';
import { TimelineLegend } from '@/components/timeline/timeline-legend';
import { usePodModels } from '@/components/timeline/use-pod-models';
import { useZoom } from '@/components/timeline/use-zoom';
import { ZoomControls } from '@/components/timeline/zoom-controls';

interface Props {
  sidecarSet: string;
  namespace: string;
  pod: string;
  view: PodView | undefined;
  sidecars: readonly SidecarContainerSummary[];
}

/** One pod's swimlanes, its probe verdict and gaps, live from its SidecarSet's timeline topic. */
export function PodTimelinePanel({ sidecarSet, namespace, pod, view, sidecars }: Props) {
  const resource = podTimelineResource(sidecarSet, namespace, pod);
  const { data, error } = usePodTimeline(sidecarSet, namespace, pod);
  const snapshots = useMemo(() => (data ? [data.pod] : []), [data]);
  const views = useMemo(() => new Map(view ? [[`${namespace}/${pod}`, view]] : []), [view, namespace, pod]);
  const runs = data?.probe.runs ?? [];
  const models = usePodModels(snapshots, views, sidecars, runs);
  const latest = runs.at(-1);
  const running = latest !== undefined && latest.endedAt === undefined;
  const now = useServerNow(running ? 250 : 1000) ?? data?.generatedAt ?? 0;
  const zoom = useZoom(models, undefined, now);

  let body;
  if (error?.status === 404) body = <EmptyState title="No timeline for this pod">It has no sidecar of a SidecarSet, or the dashboard has not seen it.</EmptyState>;
  else if (error && !data) body = <ErrorState title="Could not load the timeline" message={error.message} />;
  else if (!data) body = <Spinner label="Loading the timeline…" />;
  else {
    body = (
      <>
        <RolloutVerdict run={latest} verdict={latest?.pods[0]?.verdict} earlier={Math.max(0, runs.length - 1)} scope="pod" gaps={data.gaps} />
        <TimelineLegend />
        <TimelineChart models={models} domain={zoom.domain} now={now} gaps={data.gaps} label={`Timeline of pod ${namespace}/${pod}`} />
        <GapList gaps={data.gaps} now={now} />
      </>
    );
  }
  return (
    <section className="flex flex-col gap-3" aria-labelledby="pod-timeline-title" data-testid="timeline-section">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="pod-timeline-title" className="text-lg font-semibold">
          Timeline
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <ZoomControls mode={zoom.mode} onMode={zoom.setMode} win={zoom.win} />
          <ExportJson href={resource.key} filename={`${namespace}-${pod}-timeline.json`} />
        </div>
      </div>
      {body}
    </section>
  );
}
