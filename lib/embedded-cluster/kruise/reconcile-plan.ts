/**
 * The decision part of one SidecarSet reconcile pass (spec §3.1 steps 3 and 5-9; sidecarset_processor.go
 * UpdateSidecarSet), without I/O: the caller lists pods, registers the revision, writes the status, checks
 * its own expectations (step 4), then performs the writes this plan names.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isHotUpgradeContainer, needsHotUpgradeReset } from './pod-state';
import { calculateStatus, isStatusWriteNeeded } from './status';
import { getNextUpgradePods } from './strategy';
import { NOT_UPDATE, type SidecarSet, type SidecarSetStatus } from './types';

export type ReconcileStop = 'NotUpdate' | 'Paused' | 'Reset' | 'AllUpdated' | 'Upgrade';

export interface ReconcilePlan {
  status: SidecarSetStatus;
  /** Whether the status must be written (Status().Update) before anything else. */
  statusChanged: boolean;
  /** Why the pass ends where it does. */
  stop: ReconcileStop;
  /** Pods to reset with resetHotUpgradeSlot; when non-empty no pod is upgraded in this pass. */
  resetPods: Pod[];
  /** Pods to upgrade with upgradePod, then mark SidecarSetUpgradable=True. */
  upgradePods: Pod[];
  /** Pods to mark SidecarSetUpgradable=False (and count in the NotUpgradablePods event). */
  notUpgradablePods: Pod[];
}

export function planSidecarSetReconcile(
  ss: SidecarSet,
  matchedPods: readonly Pod[],
  revision: { latestRevision: string | undefined; collisionCount?: number },
): ReconcilePlan {
  const status = calculateStatus(ss, matchedPods, revision.latestRevision, revision.collisionCount ?? 0);
  const base = { status, statusChanged: isStatusWriteNeeded(ss, status), resetPods: [], upgradePods: [], notUpgradablePods: [] };
  if (ss.spec.updateStrategy?.type === NOT_UPDATE) return { ...base, stop: 'NotUpdate' };
  // Since v1.9 a paused SidecarSet also freezes pods half-way through a hot upgrade (spec §3.6).
  if (ss.spec.updateStrategy?.paused) return { ...base, stop: 'Paused' };
  if ((ss.spec.containers ?? []).some(isHotUpgradeContainer)) {
    const resetPods = matchedPods.filter((p) => needsHotUpgradeReset(ss, p));
    if (resetPods.length > 0) return { ...base, stop: 'Reset', resetPods };
  }
  if (status.updatedPods >= status.matchedPods) return { ...base, stop: 'AllUpdated' };
  const next = getNextUpgradePods(ss, matchedPods);
  return { ...base, stop: 'Upgrade', upgradePods: next.upgrade, notUpgradablePods: next.notUpgradable };
}
