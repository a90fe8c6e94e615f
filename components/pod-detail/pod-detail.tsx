'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { SidecarSetDetailResponse } from '@/lib/api';
import { useSidecarSet } from '@/lib/browser/hooks/use-sidecarset';
import { cx, focusRing } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { PodTimelinePanel } from './pod-timeline-panel';
import { PodViewCard } from './pod-view-card';

interface Props {
  sidecarSet: string;
  namespace: string;
  pod: string;
  initial?: SidecarSetDetailResponse;
}

// Underlined: two links sit in one line of text, and colour alone must not tell them apart (axe link-in-text-block).
const link = cx('rounded text-sky-800 underline underline-offset-2 dark:text-sky-300', focusRing);

/** `/sidecarsets/{name}/pods/{namespace}/{pod}`: one pod's view and its timeline, both live. */
export function PodDetail({ sidecarSet, namespace, pod, initial }: Props) {
  const { data } = useSidecarSet(sidecarSet, initial);
  const view = data?.pods.find((p) => p.namespace === namespace && p.name === pod);
  const containersKey = JSON.stringify(data?.summary.containers ?? []);
  // A new summary arrives with every delta; the timeline's models only care when its containers change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sidecars = useMemo(() => data?.summary.containers ?? [], [containersKey]);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className={link}>
          SidecarSets
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <Link href={`/sidecarsets/${encodeURIComponent(sidecarSet)}`} className={link}>
          {sidecarSet}
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <span aria-current="page">
          {namespace}/{pod}
        </span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight break-all">{pod}</h1>
      {data?.podAccess ? (
        <EmptyState title="Pod not shown">
          <span data-testid="pods-hidden">{data.podAccess.reason}</span>
        </EmptyState>
      ) : view ? (
        <PodViewCard view={view} />
      ) : (
        data && <EmptyState title={`Pod ${namespace}/${pod} is not among the pods of ${sidecarSet}`}>It may have been deleted; its recorded timeline is shown below while the dashboard keeps it.</EmptyState>
      )}
      {!data?.podAccess && <PodTimelinePanel sidecarSet={sidecarSet} namespace={namespace} pod={pod} view={view} sidecars={sidecars} />}
    </div>
  );
}
