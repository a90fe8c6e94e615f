'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { SidecarSetDetailResponse, UpgradeResponse } from '@/lib/api';
import { useSidecarSet } from '@/lib/browser/hooks/use-sidecarset';
import { cx, focusRing } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { DetailHeader } from './detail-header';
import { AuditTrail } from './audit-trail';
import { CanaryCard } from './canary-card';
import { RevisionsCard } from './revisions-card';
import { SidecarSetTimeline } from '@/components/timeline/sidecarset-timeline';
import { PodTable } from './pod-table';
import { RolloutActions } from './rollout-actions';
import { UpgradeDialog } from './upgrade-dialog';

export function SidecarSetDetail({ name, initial }: { name: string; initial?: SidecarSetDetailResponse }) {
  const { data, error } = useSidecarSet(name, initial);
  const [upgrading, setUpgrading] = useState(false);
  const [requested, setRequested] = useState<UpgradeResponse | undefined>(undefined);

  const breadcrumb = (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className={cx('rounded text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing)}>
          SidecarSets
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <span aria-current="page">{name}</span>
      </nav>
      {/* The history of this SidecarSet's rollouts, recorded with every pod's timeline and verdict. */}
      <Link
        href={`/rollouts?sidecarSet=${encodeURIComponent(name)}`}
        data-testid="rollouts-link"
        className={cx('rounded text-sm text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing)}
      >
        Rollouts on record
      </Link>
    </div>
  );

  let body;
  if (error?.status === 404) {
    body = <EmptyState title={`SidecarSet "${name}" not found`}>It does not exist in this cluster, or was deleted.</EmptyState>;
  } else if (error && !data) {
    body = <ErrorState title={`Could not load SidecarSet "${name}"`} message={error.message} />;
  } else if (!data) {
    body = <Spinner label={`Loading ${name}…`} />;
  } else {
    body = (
      <>
        <DetailHeader summary={data.summary} actions={<RolloutActions summary={data.summary} onUpgrade={() => setUpgrading(true)} />} />
        <p role="status" className="text-sm empty:hidden">
          {requested && `Upgrade requested: ${requested.container} ${requested.from ?? ''} → ${requested.to}. The pods below follow the rollout live.`}
        </p>
        {data.podAccess ? (
          <EmptyState title="Pods not shown">
            <span data-testid="pods-hidden">{data.podAccess.reason}</span>
          </EmptyState>
        ) : (
          <>
            <PodTable summary={data.summary} pods={data.pods} />
            <SidecarSetTimeline name={name} sidecars={data.summary.containers} pods={data.pods} inFlight={data.summary.inFlight} />
          </>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          {!data.podAccess && <CanaryCard summary={data.summary} />}
          <RevisionsCard summary={data.summary} />
        </div>
        <AuditTrail name={name} generation={data.summary.generation} />
        <UpgradeDialog open={upgrading} onClose={() => setUpgrading(false)} summary={data.summary} pods={data.pods} onUpgraded={setRequested} />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      {breadcrumb}
      {body}
    </div>
  );
}
