import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { LABEL_WIDTH } from './styles';

export const LANE_HEIGHT = 22;

/** One swimlane: its name on the left, a track whose children are placed in % of the shared time axis. */
export function LaneRow({ label, children, className, data }: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  data?: { [k: `data-${string}`]: string | undefined };
}) {
  return (
    <div className="flex items-stretch" style={{ height: LANE_HEIGHT }} data-testid="lane" {...data}>
      <div className="flex shrink-0 items-center truncate pr-2 text-xs text-zinc-700 dark:text-zinc-300" style={{ width: LABEL_WIDTH }}>
        {label}
      </div>
      <div className={cx('relative my-0.5 flex-1 rounded-sm bg-zinc-50 dark:bg-zinc-900/60', className)}>{children}</div>
    </div>
  );
}
