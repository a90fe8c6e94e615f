import { cx } from '@/components/ui/cx';
import type { SegmentState } from './lanes';
import { Swatch } from './swatch';
import { bandClass, hatchClass, probeFailedClass, probeOkClass, segmentClass, segmentWord } from './styles';

const STATES: SegmentState[] = ['empty', 'waiting', 'running', 'ready', 'terminated', 'failed'];

/** What the colours and symbols mean. */
export function TimelineLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Legend">
      {STATES.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <Swatch className={segmentClass[s]} />
          {segmentWord[s]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <Swatch className={cx(segmentClass.ready, 'shadow-[inset_0_-3px_0_0_rgba(6,78,59,0.85)] dark:shadow-[inset_0_-3px_0_0_rgba(209,250,229,0.9)]')} />● serves traffic
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-flex size-3.5 items-center justify-center rounded-full bg-zinc-900 text-[10px] font-bold text-white dark:bg-zinc-100 dark:text-zinc-950">↻</span>
        restart
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-flex size-3.5 items-center justify-center rounded-full bg-emerald-800 text-[10px] font-bold text-white dark:bg-emerald-300 dark:text-zinc-950">⇄</span>
        working slot flip
      </li>
      {(['Upgrade', 'Migration', 'Reset'] as const).map((b) => (
        <li key={b} className="flex items-center gap-1.5">
          <Swatch className={bandClass[b]} />
          {b}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <Swatch className={probeOkClass} />
        probe OK
      </li>
      <li className="flex items-center gap-1.5">
        <Swatch className={probeFailedClass} />
        probe failed
      </li>
      <li className="flex items-center gap-1.5">
        <Swatch className={cx('border border-zinc-500', hatchClass)} />
        gap: not seen by the dashboard
      </li>
    </ul>
  );
}
