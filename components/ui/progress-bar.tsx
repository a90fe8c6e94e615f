import { cx } from './cx';

type Tone = 'assigned' | 'completed';

const tones: Record<Tone, string> = {
  assigned: 'bg-sky-300 dark:bg-sky-700',
  completed: 'bg-emerald-600 dark:bg-emerald-400',
};

export interface ProgressBarProps {
  /** Accessible name, e.g. "Updated". */
  label: string;
  value: number;
  max: number;
  /** Spoken value, e.g. "2 of 3 pods". */
  valueText: string;
  tone?: Tone;
  className?: string;
}

export function ProgressBar({ label, value, max, valueText, tone = 'completed', className }: ProgressBarProps) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      // aria-valuemax must exceed valuemin; an empty set reads as 0 of 1 and the text says "0 of 0".
      aria-valuemax={Math.max(max, 1)}
      aria-valuenow={Math.min(value, Math.max(max, 1))}
      aria-valuetext={valueText}
      className={cx('h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700', className)}
    >
      {/* No width transition: during a rollout the counters change several times a second, and each change
          would animate (relayout and repaint) for half a second in every open tab. */}
      <div className={cx('h-full rounded-full', tones[tone])} style={{ width: `${pct}%` }} />
    </div>
  );
}
