import type { Counters } from '@/lib/sidecarset/views';

const cells: Array<[keyof Counters, string]> = [
  ['matched', 'Matched'],
  ['updated', 'Updated'],
  ['ready', 'Ready'],
  ['updatedReady', 'Updated ready'],
];

/** The four status counters, large, as the headline numbers of a rollout. */
export function CounterGrid({ counters }: { counters: Counters }) {
  return (
    <dl className="grid grid-cols-4 gap-2" data-testid="counters">
      {cells.map(([key, label]) => (
        <div key={key} className="rounded-md bg-zinc-50 px-2 py-1.5 dark:bg-zinc-900">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid={`counter-${key}`}>
            {counters[key]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
