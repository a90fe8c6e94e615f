import { cx } from '@/components/ui/cx';

/** A small sample of a fill, for the legend. */
export function Swatch({ className }: { className: string }) {
  return <span aria-hidden="true" className={cx('inline-block h-3 w-5 rounded-[3px]', className)} />;
}
