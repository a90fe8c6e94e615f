'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import { tdClass, thClass } from '@/components/ui/table-styles';
import type { Bucket, Distribution, PodPair, PodTimes } from './compare-model';
import { durationText } from './format';

const ms = (v: number | undefined) => (v === undefined ? '–' : durationText(v));

export function DistributionTable({ a, b }: { a?: Distribution; b?: Distribution }) {
  const rows: Array<[string, (d: Distribution) => string]> = [
    ['Pods', (d) => d.count.toLocaleString('en-US')],
    ['Fastest', (d) => durationText(d.minMs)],
    ['Median', (d) => durationText(d.p50Ms)],
    ['90th percentile', (d) => durationText(d.p90Ms)],
    ['99th percentile', (d) => durationText(d.p99Ms)],
    ['Slowest', (d) => durationText(d.maxMs)],
  ];
  return (
    <Table caption="Migration time (the new slot's postStart), A and B">
      <thead>
        <tr>
          <th scope="col" className={thClass}>
            Migration time
          </th>
          <th scope="col" className={thClass}>
            A
          </th>
          <th scope="col" className={thClass}>
            B
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, f]) => (
          <tr key={label}>
            <th scope="row" className={`${tdClass} font-normal`}>
              {label}
            </th>
            <td className={tdClass} data-testid="dist-a">
              {a ? f(a) : '–'}
            </td>
            <td className={tdClass} data-testid="dist-b">
              {b ? f(b) : '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The histogram is a table whose cells carry their bars: the numbers are the accessible form, the bars the visual. */
export function HistogramTable({ buckets }: { buckets: readonly Bucket[] }) {
  const max = Math.max(1, ...buckets.flatMap((b) => [b.a, b.b]));
  const bar = (n: number, cls: string) => (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className={`inline-block h-3 rounded-sm ${cls}`} style={{ width: `${(n / max) * 12}rem` }} />
      <span className="tabular-nums">{n}</span>
    </span>
  );
  return (
    <Table caption="Pods per migration time, A and B on the same buckets">
      <thead>
        <tr>
          <th scope="col" className={thClass}>
            Migration took
          </th>
          <th scope="col" className={thClass}>
            A (pods)
          </th>
          <th scope="col" className={thClass}>
            B (pods)
          </th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.fromMs} data-testid="histogram-row">
            <th scope="row" className={`${tdClass} font-normal whitespace-nowrap`}>
              {durationText(b.fromMs)} – {durationText(b.toMs)}
            </th>
            <td className={tdClass}>{bar(b.a, 'bg-sky-600 dark:bg-sky-400')}</td>
            <td className={tdClass}>{bar(b.b, 'bg-violet-600 dark:bg-violet-400 bg-[repeating-linear-gradient(135deg,rgba(0,0,0,0.3)_0_2px,transparent_2px_5px)]')}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const side = (p: PodTimes | undefined, f: (p: PodTimes) => string) => (p ? f(p) : 'not in this rollout');
const status = (p: PodTimes) => [p.failed && 'failed', p.lossy && 'lossy'].filter(Boolean).join(', ') || 'ok';

/** Per pod, both sides; the first 200 by name until asked for all (2,000 rows are a lot to read, not to draw). */
export function PodPairsTable({ pairs }: { pairs: readonly PodPair[] }) {
  const [all, setAll] = useState(false);
  const rows = all ? pairs : pairs.slice(0, 200);
  return (
    <div className="flex flex-col gap-2">
      <Table caption="Per pod: upgrade and migration time in A and B">
        <thead>
          <tr>
            {['Pod', 'Upgrade A', 'Upgrade B', 'B − A', 'Migration A', 'Migration B', 'A', 'B'].map((h) => (
              <th key={h} scope="col" className={thClass}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.key} data-testid="pair-row" data-pod={p.key}>
              <th scope="row" className={`${tdClass} font-mono text-xs font-normal`}>
                {p.key}
              </th>
              <td className={tdClass}>{side(p.a, (x) => ms(x.upgradeMs))}</td>
              <td className={tdClass}>{side(p.b, (x) => ms(x.upgradeMs))}</td>
              <td className={tdClass}>{p.deltaMs === undefined ? '–' : `${p.deltaMs >= 0 ? '+' : '−'}${durationText(Math.abs(p.deltaMs))}`}</td>
              <td className={tdClass}>{side(p.a, (x) => ms(x.migrationMs))}</td>
              <td className={tdClass}>{side(p.b, (x) => ms(x.migrationMs))}</td>
              <td className={tdClass}>{side(p.a, status)}</td>
              <td className={tdClass}>{side(p.b, status)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {pairs.length > rows.length && (
        <Button size="sm" className="self-start" onClick={() => setAll(true)}>
          Show all {pairs.length.toLocaleString('en-US')} pods
        </Button>
      )}
    </div>
  );
}
