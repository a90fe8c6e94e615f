import type { SlotView } from '@/lib/sidecarset/views';
import { cx } from '@/components/ui/cx';

type SlotRole = 'working' | 'empty' | 'standby';

const roleText: Record<SlotRole, string> = {
  working: 'working',
  empty: 'standby · empty image',
  standby: 'standby · real image',
};

const roleClass: Record<SlotRole, string> = {
  working: 'text-emerald-800 dark:text-emerald-300',
  empty: 'text-zinc-600 dark:text-zinc-400',
  standby: 'text-amber-800 dark:text-amber-300',
};

/** One hot-upgrade slot: its image, and whether it is the working one or idles on the empty image. */
export function SlotImage({ slot, working }: { slot: SlotView | undefined; working: boolean }) {
  if (!slot) return <span className="text-zinc-600 dark:text-zinc-400">none</span>;
  const role: SlotRole = working ? 'working' : slot.onEmptyImage ? 'empty' : 'standby';
  return (
    <span className="flex min-w-0 flex-col" data-testid={`slot-${slot.container}`} data-slot-role={role}>
      <span className="truncate font-mono text-xs" title={slot.specImage} data-testid="slot-image">
        {slot.specImage ?? '—'}
      </span>
      <span className={cx('truncate text-[11px]', roleClass[role])}>
        {working && <span aria-hidden="true">● </span>}
        {roleText[role]}
        {slot.reason && <span className="font-medium text-red-700 dark:text-red-300"> · {slot.reason}</span>}
      </span>
    </span>
  );
}
