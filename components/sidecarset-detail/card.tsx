import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** A titled panel of the detail header. */
export function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={cx('flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800', className)}>
      <h2 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{title}</h2>
      {children}
    </section>
  );
}
