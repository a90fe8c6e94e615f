import type { BlockedReason } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';
import { Hint } from '@/components/ui/hint';
import { blockedLabel, blockedSeverity } from './blocked-reason-meta';

/** Compact, for table cells: one badge per reason, the full sentence on hover or focus. */
export function BlockedReasonBadges({ reasons }: { reasons: readonly BlockedReason[] }) {
  if (reasons.length === 0) return <span className="text-zinc-600 dark:text-zinc-400">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {reasons.map((r) => (
        <li key={r.code}>
          <Hint trigger={<Badge severity={blockedSeverity[r.code]}>{blockedLabel(r)}</Badge>}>{r.message}</Hint>
        </li>
      ))}
    </ul>
  );
}
