/**
 * SidecarSet status counters (spec §1.5; sidecarset_processor.go calculateStatus and inconsistentStatus).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodConsistentAndReady, isPodSidecarUpdated } from './pod-state';
import type { SidecarSet, SidecarSetStatus } from './types';

/**
 * The status the controller writes, from the matched pods. Fields that are `omitempty` in Go are left out
 * when zero so the object serialises like Kruise's; collisionCount is always set, as Kruise always sets it.
 */
export function calculateStatus(
  ss: SidecarSet,
  matchedPods: readonly Pod[],
  latestRevision: string | undefined,
  collisionCount = 0,
): SidecarSetStatus {
  let updated = 0;
  let ready = 0;
  let updatedReady = 0;
  for (const pod of matchedPods) {
    const isUpdated = isPodSidecarUpdated(ss, pod);
    if (isUpdated) updated++;
    if (isPodConsistentAndReady(ss, pod)) {
      ready++;
      if (isUpdated) updatedReady++;
    }
  }
  const generation = ss.metadata.generation ?? 0;
  // Built in Go field order so that a serialised status reads like Kruise's.
  return {
    ...(generation ? { observedGeneration: generation } : {}),
    matchedPods: matchedPods.length,
    updatedPods: updated,
    readyPods: ready,
    ...(updatedReady ? { updatedReadyPods: updatedReady } : {}),
    ...(latestRevision ? { latestRevision } : {}),
    collisionCount,
  };
}

/** inconsistentStatus: write only when a counter, the revision or the collision count changed, or generation advanced. */
export function isStatusWriteNeeded(ss: SidecarSet, next: SidecarSetStatus): boolean {
  const cur = ss.status;
  return (next.observedGeneration ?? 0) > (cur?.observedGeneration ?? 0) ||
    next.matchedPods !== (cur?.matchedPods ?? 0) ||
    next.updatedPods !== (cur?.updatedPods ?? 0) ||
    next.readyPods !== (cur?.readyPods ?? 0) ||
    (next.updatedReadyPods ?? 0) !== (cur?.updatedReadyPods ?? 0) ||
    (next.latestRevision ?? '') !== (cur?.latestRevision ?? '') ||
    next.collisionCount !== cur?.collisionCount;
}

/** `[matched, updated, ready, updatedReady]`, the tuple the spec and Kruise's tests use. */
export function statusCounters(s: SidecarSetStatus): [number, number, number, number] {
  return [s.matchedPods, s.updatedPods, s.readyPods, s.updatedReadyPods ?? 0];
}
