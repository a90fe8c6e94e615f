'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useRollouts } from '@/lib/browser/hooks/use-rollouts';
import { useServerNow } from '@/lib/browser/hooks/use-server-now';
import { useSidecarSets } from '@/lib/browser/hooks/use-sidecarsets';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { OUTCOMES, listHref, newestFirst, outcomeInfo, previousOf, type ListQuery } from './format';
import { RecordingNotice } from './recording-status';
import { linkClass, rolloutColumns } from './rollout-columns';

/** A row of links that narrow the list; the current one is marked, and every state is a shareable URL. */
function FilterLinks({ label, items }: { label: string; items: Array<{ text: string; href: string; current: boolean }> }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{label}:</span>
      {items.map((i) => (
        <Link key={i.href} href={i.href} aria-current={i.current ? 'page' : undefined} className={i.current ? 'font-semibold' : linkClass}>
          {i.text}
        </Link>
      ))}
    </nav>
  );
}

/** `/rollouts`: every rollout on record, newest first, of all SidecarSets or one (`?sidecarSet=`), by outcome. */
export function RolloutList({ query }: { query: ListQuery }) {
  const { data, error } = useRollouts(query.sidecarSet);
  const sets = useSidecarSets().data?.items.map((s) => s.name) ?? [];
  const now = useServerNow(5000) ?? 0;
  const items = useMemo(() => newestFirst(data?.items ?? []).filter((i) => !query.outcome || i.outcome === query.outcome), [data, query.outcome]);
  const previous = useMemo(() => previousOf(data?.items ?? []), [data]);
  const columns = useMemo(() => rolloutColumns(now, previous), [now, previous]);
  const names = [...new Set([...sets, ...(query.sidecarSet ? [query.sidecarSet] : [])])].sort();

  let body;
  if (error && !data) body = <ErrorState title="Could not load the rollouts on record" message={`${error.message} (HTTP ${error.status})`} />;
  else if (!data) body = <Spinner label="Loading the rollouts…" />;
  else if (items.length === 0) body = <EmptyState title="No rollouts on record">{query.sidecarSet || query.outcome ? 'None match this filter.' : 'A rollout is recorded from the image change to the last pod’s Reset.'}</EmptyState>;
  else body = <DataTable caption="Rollouts, newest first" columns={columns} rows={items} rowKey={(r) => r.id} rowTestId="rollout-row" />;

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className={linkClass}>
          SidecarSets
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <span aria-current="page">Rollouts</span>
      </nav>
      <h1 className="text-2xl font-semibold">Rollouts{query.sidecarSet ? ` of ${query.sidecarSet}` : ''}</h1>
      <FilterLinks
        label="SidecarSet"
        items={[{ text: 'All', href: listHref({ outcome: query.outcome }), current: !query.sidecarSet }, ...names.map((n) => ({ text: n, href: listHref({ sidecarSet: n, outcome: query.outcome }), current: query.sidecarSet === n }))]}
      />
      <FilterLinks
        label="Outcome"
        items={[{ text: 'Any', href: listHref({ sidecarSet: query.sidecarSet }), current: !query.outcome }, ...OUTCOMES.map((o) => ({ text: outcomeInfo[o].label, href: listHref({ sidecarSet: query.sidecarSet, outcome: o }), current: query.outcome === o }))]}
      />
      {data && <RecordingNotice recording={data.recording} />}
      {body}
    </div>
  );
}
