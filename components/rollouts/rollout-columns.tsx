import Link from 'next/link';
import type { RolloutListItem } from '@/lib/api';
import { Badge } from '@/components/ui/badge';
import type { Column } from '@/components/ui/column';
import { cx, focusRing } from '@/components/ui/cx';
import { monoClass } from '@/components/ui/table-styles';
import { changeText, compareHref, coverageText, dateTimeText, listHref, outcomeInfo, rolloutDurationText, rolloutHref, verdictInfo, whoText } from './format';

export const linkClass = cx('rounded text-sky-800 underline-offset-2 hover:underline dark:text-sky-300', focusRing);

/** The list's columns; `previous` pairs a rollout with the one before it on its SidecarSet, for "Compare". */
export function rolloutColumns(nowMs: number, previous: ReadonlyMap<string, RolloutListItem>): Column<RolloutListItem>[] {
  return [
    {
      id: 'started',
      header: 'Started',
      cell: (r) => (
        <Link href={rolloutHref(r.id)} className={linkClass} data-testid="rollout-link">
          {dateTimeText(r.startedAt)}
        </Link>
      ),
    },
    {
      id: 'sidecarset',
      header: 'SidecarSet',
      cell: (r) => (
        <Link href={listHref({ sidecarSet: r.sidecarSet })} className={linkClass} aria-label={`Rollouts of ${r.sidecarSet} only`}>
          {r.sidecarSet}
        </Link>
      ),
    },
    { id: 'change', header: 'Change', cell: (r) => <span className={monoClass}>{`${r.container}: ${changeText(r)}`}</span> },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (r) => (
        <span title={outcomeInfo[r.outcome].description}>
          <Badge severity={outcomeInfo[r.outcome].severity}>{outcomeInfo[r.outcome].label}</Badge>
        </span>
      ),
    },
    { id: 'duration', header: 'Duration', cell: (r) => rolloutDurationText(r, nowMs) },
    { id: 'who', header: 'Who', cell: (r) => whoText(r.startedBy) },
    { id: 'coverage', header: 'Coverage', cell: (r) => coverageText(r.verdict.coverage) },
    {
      id: 'verdict',
      header: 'Verdict',
      cell: (r) => (
        <span className="flex flex-col gap-0.5">
          <Badge severity={verdictInfo(r.verdict).severity}>{verdictInfo(r.verdict).label}</Badge>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{r.verdict.text}</span>
        </span>
      ),
    },
    { id: 'failed', header: 'Failed pods', cell: (r) => r.failedPods.toLocaleString('en-US') },
    {
      id: 'compare',
      header: <span className="sr-only">Compare</span>,
      cell: (r) => {
        const prev = previous.get(r.id);
        return prev ? (
          <Link href={compareHref(prev.id, r.id)} className={linkClass} aria-label={`Compare the rollout of ${dateTimeText(r.startedAt)} with the one before it`}>
            Compare with previous
          </Link>
        ) : null;
      },
    },
  ];
}
