import type { BlockedReason } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';
import { blockedLabel, blockedSeverity } from './blocked-reason-meta';

/** Full: each reason with its sentence, for the detail header. */
export function BlockedReasonList({ reasons }: { reasons: readonly BlockedReason[] }) {
  if (reasons.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing is holding the rollout.</p>;
  return (
    <ul className="flex flex-col gap-1.5" data-testid="blocked-reasons">
      {reasons.map((r) => (
        <li key={r.code} className="flex flex-wrap items-baseline gap-2 text-sm">
          <Badge severity={blockedSeverity[r.code]}>{blockedLabel(r)}</Badge>
          <span className="text-zinc-700 dark:text-zinc-300">{r.message}</span>
        </li>
      ))}
    </ul>
  );
}
