import type { Verdict } from '@/lib/sidecarset/verdict';
import { cx } from '@/components/ui/cx';

/** "lossless: 0 of 412 requests failed, longest gap 180 ms", with a glyph so colour is not the only cue. */
export function VerdictText({ verdict, testId, className }: { verdict: Verdict | undefined; testId: string; className?: string }) {
  if (!verdict || verdict.total === 0) {
    return (
      <span data-testid={testId} data-lossless="unknown" className={cx('text-zinc-600 dark:text-zinc-400', className)}>
        no probe data
      </span>
    );
  }
  return (
    <span
      data-testid={testId}
      data-lossless={String(verdict.lossless)}
      data-versions={verdict.versions.join(',')}
      className={cx(
        'font-medium',
        verdict.lossless ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-300',
        className,
      )}
    >
      <span aria-hidden="true">{verdict.lossless ? '✓ ' : '✕ '}</span>
      {verdict.text}
    </span>
  );
}
