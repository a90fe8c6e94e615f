'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { RolloutRecordResponse } from '@/lib/api';
import { rolloutKey, useRollout } from '@/lib/browser/hooks/use-rollouts';
import { ExportJson } from '@/components/timeline/export-json';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { changeText, coverageText, dateTimeText, durationText, listHref, outcomeInfo, verdictInfo, whoText } from './format';
import { recordEndMs } from './record-model';
import { RecordingNotice } from './recording-status';
import { linkClass } from './rollout-columns';
import { RolloutReplay } from './rollout-replay';

/** What the record says about the rollout as a whole, as a description list. */
export function RecordFacts({ r }: { r: RolloutRecordResponse }) {
  const facts: Array<[string, ReactNode]> = [
    ['Change', <span key="c" className="font-mono text-xs">{`${r.container}: ${changeText(r)}`}</span>],
    ['Outcome', <Badge key="o" severity={outcomeInfo[r.outcome].severity}>{outcomeInfo[r.outcome].label}</Badge>],
    ['Started', dateTimeText(r.startedAt)],
    ['Ended', r.endedAt !== undefined ? dateTimeText(r.endedAt) : 'not yet'],
    ['Duration', `${durationText(recordEndMs(r) - r.startedAt)}${r.endedAt === undefined ? ' so far' : ''}`],
    ['Who', whoText(r.startedBy)],
    ['Coverage', coverageText(r.verdict.coverage)],
    ['Verdict', <Badge key="v" severity={verdictInfo(r.verdict).severity}>{verdictInfo(r.verdict).label}</Badge>],
    ['Requests', `${r.verdict.failed.toLocaleString('en-US')} of ${r.verdict.requests.toLocaleString('en-US')} failed`],
    ['Failed pods', r.failedPods.toLocaleString('en-US')],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]" data-testid="record-facts">
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `/rollouts/{id}`: one recorded rollout, its facts, and its timeline replayed frozen with the overview above. */
export function RolloutRecord({ id }: { id: string }) {
  const { data, error } = useRollout(id);
  let body;
  // The server's own words: "rollout … not found", or (on a server without the rollout API) "no API route …".
  if (error?.status === 404) body = <EmptyState title={`Rollout "${id}" is not on record`}>{error.message}</EmptyState>;
  else if (error && !data) body = <ErrorState title="Could not load the rollout" message={`${error.message} (HTTP ${error.status})`} />;
  else if (!data) body = <Spinner label="Loading the rollout…" />;
  else
    body = (
      <>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">Rollout of {data.sidecarSet}</h1>
          <ExportJson href={rolloutKey(id)} filename={`rollout-${id}.json`} />
        </div>
        <RecordingNotice recording={data.recording} />
        <RecordFacts r={data} />
        <p className="text-sm">{data.verdict.text}</p>
        <RolloutReplay record={data} />
      </>
    );
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/rollouts" className={linkClass}>
          Rollouts
        </Link>
        {data && (
          <>
            <span aria-hidden="true" className="px-1.5 text-zinc-500">
              /
            </span>
            <Link href={listHref({ sidecarSet: data.sidecarSet })} className={linkClass}>
              {data.sidecarSet}
            </Link>
          </>
        )}
        <span aria-hidden="true" className="px-1.5 text-zinc-500">
          /
        </span>
        <span aria-current="page">{id}</span>
      </nav>
      {body}
    </div>
  );
}
