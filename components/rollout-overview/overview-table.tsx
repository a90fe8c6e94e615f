'use client';

import { clock } from '@/components/timeline/time-scale';
import { Button } from '@/components/ui/button';
import { tableClass, tdClass, thClass } from '@/components/ui/table-styles';
import type { PodCell } from './grid-model';
import type { Counts, SeriesRange } from './phase-series';
import { STATES, stateWord } from './states';

interface Props {
  now: Counts;
  ranges: readonly SeriesRange[];
  cells: readonly PodCell[];
  onOpen: (key: string) => void;
}

/**
 * The overview as tables (what the chart and the grid show, for screen readers and for reading exact numbers):
 * pods per state now, the counts over time (equal neighbouring columns merged, gaps named), and the pods.
 * Rendered only when asked for, so 2,000 rows cost nothing until then.
 */
export function OverviewTable({ now, ranges, cells, onOpen }: Props) {
  return (
    <div className="flex flex-col gap-4" data-testid="overview-table">
      <table className={tableClass}>
        <caption className="text-left text-sm font-medium">Pods per state now</caption>
        <thead>
          <tr>
            {STATES.map((s) => (
              <th key={s} scope="col" className={thClass}>
                {stateWord[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {STATES.map((s) => (
              <td key={s} className={tdClass} data-testid="table-count" data-state={s}>
                {now[s]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <table className={tableClass}>
        <caption className="text-left text-sm font-medium">Pods per state over time (UTC)</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              From
            </th>
            <th scope="col" className={thClass}>
              To
            </th>
            {STATES.map((s) => (
              <th key={s} scope="col" className={thClass}>
                {stateWord[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranges.map((r) => (
            <tr key={r.startMs} data-testid="series-range">
              <td className={tdClass}>{clock(r.startMs, true)}</td>
              <td className={tdClass}>{clock(r.endMs, true)}</td>
              {r.counts ? (
                STATES.map((s) => (
                  <td key={s} className={tdClass}>
                    {r.counts?.[s]}
                  </td>
                ))
              ) : (
                <td colSpan={STATES.length} className={tdClass}>
                  {r.gap ? 'Not seen: a gap in the record' : 'Not yet'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <table className={tableClass}>
        <caption className="text-left text-sm font-medium">Pods ({cells.length}), in upgrade order</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Pod
            </th>
            <th scope="col" className={thClass}>
              State
            </th>
            <th scope="col" className={thClass}>
              Probe
            </th>
            <th scope="col" className={thClass}>
              <span className="sr-only">Swimlanes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.key} data-testid="table-pod" data-pod={c.key}>
              <th scope="row" className={`${tdClass} font-normal`}>
                {c.key}
              </th>
              <td className={tdClass}>{c.stateText}</td>
              <td className={tdClass}>{c.lossy ? 'lossy' : ''}</td>
              <td className={tdClass}>
                {c.hasTimeline && (
                  <Button size="sm" variant="ghost" onClick={() => onOpen(c.key)} aria-label={`Show the swimlanes of ${c.key}`}>
                    Swimlanes
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
