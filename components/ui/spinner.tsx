import { cx } from './cx';

/** A spinning ring. Decorative unless `label` is given, in which case it is announced as a status. */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  const ring = (
    <span
      aria-hidden="true"
      className={cx('inline-block size-4 animate-spin rounded-full border-2 border-current border-r-transparent motion-reduce:animate-none', className)}
    />
  );
  if (!label) return ring;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      {ring}
      {label}
    </span>
  );
}
