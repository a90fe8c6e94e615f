import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';

/** Paused or not, in a word, and otherwise where the rollout stands (the Blocked column says why). */
export function RolloutStateBadge({ summary }: { summary: SidecarSetSummary }) {
  const { updateStrategy: s, progress, inFlight, blockedReasons } = summary;
  const has = (code: string) => blockedReasons.some((r) => r.code === code);
  if (s.paused) return <Badge severity="warning">Paused</Badge>;
  if (s.type === 'NotUpdate') return <Badge severity="muted">Updates off</Badge>;
  if (progress.completed.total > 0 && progress.completed.count === progress.completed.total) return <Badge severity="ok">Complete</Badge>;
  if (has('FailingPods')) return <Badge severity="error">Failing</Badge>;
  if (inFlight > 0 || has('MaxUnavailableExhausted')) return <Badge severity="progress">Rolling out</Badge>;
  if (has('PartitionReached') || has('NotSelected') || has('NotUpgradable')) return <Badge severity="info">Held</Badge>;
  return <Badge severity="progress">Rolling out</Badge>;
}
