import type { BlockedReason, BlockedReasonCode, Severity } from '@/lib/sidecarset/views';

/** How serious each blocked reason is, and its short name for badges. */
export const blockedSeverity: Record<BlockedReasonCode, Severity> = {
  Paused: 'warning',
  NotUpdate: 'muted',
  MaxUnavailableExhausted: 'info',
  NotUpgradable: 'warning',
  PartitionReached: 'info',
  NotSelected: 'muted',
  FailingPods: 'error',
};

const short: Record<BlockedReasonCode, string> = {
  Paused: 'Paused',
  NotUpdate: 'NotUpdate',
  MaxUnavailableExhausted: 'maxUnavailable reached',
  NotUpgradable: 'Not upgradable',
  PartitionReached: 'Partition reached',
  NotSelected: 'Outside update selector',
  FailingPods: 'Failing pods',
};

export function blockedLabel(r: BlockedReason): string {
  return r.pods !== undefined ? `${short[r.code]} (${r.pods})` : short[r.code];
}

