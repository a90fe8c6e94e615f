'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { RolloutRecordResponse } from '@/lib/api';
import { useRollout } from '@/lib/browser/hooks/use-rollouts';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { comparePods, distribution, histogram, migrationTimes, podTimes } from './compare-model';
import { DistributionTable, HistogramTable, PodPairsTable } from './compare-tables';
import { dateTimeText, rolloutHref } from './format';
import { linkClass } from './rollout-columns';
import { RecordFacts } from './rollout-record';

function Side({ label, id, r }: { label: string; id: string; r: RolloutRecordResponse }) {
  const failed = r.pods.filter((p) => p.failed).map((p) => `${p.namespace}/${p.name}`);
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label={`${label}: rollout of ${r.sidecarSet} at ${dateTimeText(r.startedAt)}`}>
      <h2 className="text-lg font-semibold">
        {label}:{' '}
        <Link href={rolloutHref(id)} className={linkClass}>
          {r.sidecarSet} at {dateTimeText(r.startedAt)}
        </Link>
      </h2>
      <RecordFacts r={r} />
      <h3 className="mt-2 text-sm font-semibold">Failed pods ({failed.length})</h3>
      {failed.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
      ) : (
        <ul className="max-h-48 overflow-auto font-mono text-xs" data-testid={`failed-${label}`}>
          {failed.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/rollouts/compare?a=ID&b=ID`: two records side by side, per pod and as distributions. */
export function RolloutCompare({ a, b }: { a?: string; b?: string }) {
  const ra = useRollout(a);
  const rb = useRollout(b);
  const pa = useMemo(() => (ra.data ? podTimes(ra.data) : []), [ra.data]);
  const pb = useMemo(() => (rb.data ? podTimes(rb.data) : []), [rb.data]);
  const pairs = useMemo(() => comparePods(pa, pb), [pa, pb]);

  let body;
  if (!a || !b) body = <EmptyState title="Choose two rollouts">Open the rollout list and use “Compare with previous”, or give ?a=ID&amp;b=ID.</EmptyState>;
  else if (ra.error || rb.error) {
    const e = ra.error ?? rb.error;
    body = <ErrorState title="Could not load both rollouts" message={e ? `${e.message} (HTTP ${e.status})` : undefined} />;
  } else if (!ra.data || !rb.data) body = <Spinner label="Loading both rollouts…" />;
  else
    body = (
      <>
        <div className="grid gap-4 lg:grid-cols-2">
          <Side label="A" id={a} r={ra.data} />
          <Side label="B" id={b} r={rb.data} />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <DistributionTable a={distribution(migrationTimes(pa))} b={distribution(migrationTimes(pb))} />
          <HistogramTable buckets={histogram(migrationTimes(pa), migrationTimes(pb))} />
        </div>
        <PodPairsTable pairs={pairs} />
      </>
    );
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/rollouts" className={linkClass}>
          Rollouts
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <span aria-current="page">Compare</span>
      </nav>
      <h1 className="text-2xl font-semibold">Compare two rollouts</h1>
      {body}
    </div>
  );
}
