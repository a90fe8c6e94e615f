/**
 * Words and colours for phases, and the "worst" ordering used to roll sidecar phases up into a pod phase:
 * blocked states first (they need a person), then in-flight states by how far they are from done.
 */
import type { PendingReason, PodUpgradePhase, Severity } from './types';

export interface PhaseInfo {
  label: string;
  severity: Severity;
  /** One sentence for a tooltip. */
  description: string;
  /** Higher = worse; used by worstPhase. */
  rank: number;
  /** Spec §3.3 step, when the phase is one. */
  step?: 'S0' | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6';
}

const PHASES: Record<PodUpgradePhase, PhaseInfo> = {
  Failed: {
    label: 'Failed',
    severity: 'error',
    description: 'A sidecar container cannot start (image pull, crash or hook failure); the rollout is blocked here.',
    rank: 100,
  },
  NotUpgradable: {
    label: 'Not upgradable',
    severity: 'warning',
    description: 'The SidecarSet changed more than images; Kruise will never upgrade this pod in place. Recreate it.',
    rank: 90,
  },
  NewStarting: {
    label: 'New container starting',
    severity: 'progress',
    description: 'Kruise gave the standby slot the new image; the kubelet is restarting it.',
    rank: 80,
    step: 'S2',
  },
  Upgrading: {
    label: 'Restarting with new image',
    severity: 'progress',
    description: 'Cold upgrade: the sidecar is being restarted with the new image and is down meanwhile.',
    rank: 80,
  },
  Migrating: {
    label: 'Migrating',
    severity: 'progress',
    description: 'The new container started and its postStart hook is migrating from the old one.',
    rank: 75,
    step: 'S3',
  },
  NewNotReady: {
    label: 'New container not ready',
    severity: 'warning',
    description: 'The new container runs the new image but is not ready; the old one keeps serving.',
    rank: 70,
    step: 'S4',
  },
  FrozenBothRunning: {
    label: 'Frozen, both running',
    severity: 'warning',
    description: 'The rollout is paused (or NotUpdate) mid-upgrade: both slots keep running real images.',
    rank: 65,
    step: 'S4',
  },
  ReadyToReset: {
    label: 'Ready to reset old',
    severity: 'progress',
    description: 'The new container is ready; Kruise will reset the old slot to the empty image.',
    rank: 60,
    step: 'S4',
  },
  ResettingOld: {
    label: 'Resetting old',
    severity: 'progress',
    description: 'The old slot was set to the empty image; the kubelet is stopping the old sidecar.',
    rank: 55,
    step: 'S5',
  },
  Pending: {
    label: 'Pending',
    severity: 'info',
    description: 'The pod runs an older revision and waits for its turn.',
    rank: 20,
    step: 'S1',
  },
  Done: {
    label: 'Up to date',
    severity: 'ok',
    description: 'The pod runs the current revision and the standby slot is back on the empty image.',
    rank: 0,
    step: 'S6',
  },
  Unmanaged: {
    label: 'Ignored by Kruise',
    severity: 'warning',
    description: 'Injected, but no longer selected or its sidecar containers do not fit the SidecarSet.',
    rank: -10,
  },
  NotInjected: {
    label: 'Not injected',
    severity: 'muted',
    description: 'Selected, but created before the SidecarSet (or while injection was paused): no sidecar.',
    rank: -20,
  },
  Inactive: {
    label: 'Inactive',
    severity: 'muted',
    description: 'The pod is terminating or finished.',
    rank: -30,
  },
};

export function phaseInfo(phase: PodUpgradePhase): PhaseInfo {
  return PHASES[phase];
}

export function phaseLabel(phase: PodUpgradePhase): string {
  return PHASES[phase].label;
}

export function phaseSeverity(phase: PodUpgradePhase): Severity {
  return PHASES[phase].severity;
}

export function phaseRank(phase: PodUpgradePhase): number {
  return PHASES[phase].rank;
}

/** S2..S5 (and a cold restart): the pod is between Kruise's upgrade write and the old slot's reset completing. */
export function isInFlightPhase(phase: PodUpgradePhase): boolean {
  const step = PHASES[phase].step;
  return phase === 'Upgrading' || step === 'S2' || step === 'S3' || step === 'S4' || step === 'S5';
}

const PENDING: Record<PendingReason, { label: string; severity: Severity }> = {
  NotUpdate: { label: 'Updates off (NotUpdate)', severity: 'muted' },
  Paused: { label: 'Paused', severity: 'info' },
  NotSelected: { label: 'Not selected', severity: 'muted' },
  HeldByPartition: { label: 'Held by partition', severity: 'info' },
  Queued: { label: 'Queued', severity: 'info' },
  NextInLine: { label: 'Next in line', severity: 'progress' },
};

export function pendingLabel(reason: PendingReason): string {
  return PENDING[reason].label;
}

export function pendingSeverity(reason: PendingReason): Severity {
  return PENDING[reason].severity;
}
