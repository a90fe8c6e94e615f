import type { ReactNode } from 'react';
import type { Severity } from '@/lib/sidecarset/views';
import { cx } from './cx';

const tones: Record<Severity, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30',
  progress: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/30',
  info: 'bg-indigo-50 text-indigo-800 ring-indigo-600/30 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-400/30',
  warning: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30',
  error: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30',
  muted: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/20',
};

/** A distinct shape per severity, so the badge does not rely on colour (the text carries the meaning). */
const glyphs: Record<Severity, string> = { ok: '✓', progress: '↻', info: '•', warning: '!', error: '✕', muted: '–' };

export interface BadgeProps {
  severity: Severity;
  children: ReactNode;
  /** Hide the glyph where the text alone reads better (e.g. labels that already start with a symbol). */
  plain?: boolean;
  className?: string;
}

export function Badge({ severity, children, plain = false, className }: BadgeProps) {
  return (
    <span
      data-severity={severity}
      className={cx('inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', tones[severity], className)}
    >
      {!plain && <span aria-hidden="true">{glyphs[severity]}</span>}
      {children}
    </span>
  );
}
