import type { Counters } from '@/lib/sidecarset/views';

const rows: Array<[keyof Counters, string]> = [
  ['matched', 'matched'],
  ['updated', 'updated'],
  ['ready', 'ready'],
  ['updatedReady', 'updated ready'],
];

/** status counters as `kubectl get sidecarset` shows them, compact. */
export function CounterList({ counters }: { counters: Counters }) {
  return (
    <dl className="grid grid-cols-[auto_auto] justify-start gap-x-3 text-xs">
      {rows.map(([key, label]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="text-right tabular-nums">{counters[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
