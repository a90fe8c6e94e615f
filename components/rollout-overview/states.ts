/**
 * The overview's few states: the rollout's steps (queued → upgrading → migrating → resetting → done, or failed)
 * that a person counts at a glance, each pod's exact phase grouped into one. Colours are the phases' own
 * (their severity, as the badges use it); every state also has its own pattern, so colour is never the only cue.
 */
import { phaseSeverity, type PodUpgradePhase, type Severity } from '@/lib/sidecarset/views';

export type OverviewState = 'failed' | 'queued' | 'upgrading' | 'migrating' | 'resetting' | 'done' | 'other';

/** Stacking order of the chart (bottom up) and the order of every list: done first, the rollout's front after. */
export const STATES: readonly OverviewState[] = ['done', 'resetting', 'migrating', 'upgrading', 'queued', 'failed', 'other'];

export const stateWord: Record<OverviewState, string> = {
  done: 'done',
  resetting: 'resetting',
  migrating: 'migrating',
  upgrading: 'upgrading',
  queued: 'queued',
  failed: 'failed',
  other: 'outside the rollout',
};

/** What each state groups, for the legend's hint. */
export const stateMeaning: Record<OverviewState, string> = {
  done: 'Up to date: the current revision, the standby slot back on the empty image.',
  resetting: 'The old slot is being put back on the empty image (Reset).',
  migrating: "The new slot's postStart hands the traffic over (Migration), until the new container is ready.",
  upgrading: 'Kruise wrote the new image; the new container is starting, or the rollout is frozen mid-upgrade.',
  queued: 'On an older revision, waiting for its turn.',
  failed: 'A sidecar container cannot start (image pull, crash or hook failure).',
  other: 'Not upgradable in place, ignored by Kruise, not injected or inactive.',
};

/** The pod's current phase as one of the overview's states. */
export function stateOfPhase(phase: PodUpgradePhase): OverviewState {
  switch (phase) {
    case 'Failed':
      return 'failed';
    case 'Pending':
      return 'queued';
    case 'NewStarting':
    case 'Upgrading':
    case 'FrozenBothRunning':
    case 'ReadyToReset':
      return 'upgrading';
    case 'Migrating':
    case 'NewNotReady':
      return 'migrating';
    case 'ResettingOld':
      return 'resetting';
    case 'Done':
      return 'done';
    default:
      return 'other';
  }
}

/** The phase whose colour a state takes in the chart (a cell takes its pod's exact phase's colour). */
const representative: Record<OverviewState, PodUpgradePhase> = {
  done: 'Done',
  resetting: 'ResettingOld',
  migrating: 'Migrating',
  upgrading: 'NewStarting',
  queued: 'Pending',
  failed: 'Failed',
  other: 'NotInjected',
};

export const stateSeverity = (s: OverviewState): Severity => phaseSeverity(representative[s]);

export const representativePhase = (s: OverviewState): PodUpgradePhase => representative[s];

/** Solid fills, one per severity: the badges' hues, strong enough to read in a 12 px cell. */
export const fillClass: Record<Severity, string> = {
  ok: 'bg-emerald-500 dark:bg-emerald-500',
  progress: 'bg-sky-500 dark:bg-sky-500',
  info: 'bg-indigo-300 dark:bg-indigo-400',
  warning: 'bg-amber-400 dark:bg-amber-400',
  error: 'bg-red-600 dark:bg-red-500',
  muted: 'bg-zinc-200 dark:bg-zinc-700',
};

/** The pattern over the fill: what tells the states apart without colour. */
export const patternClass: Record<OverviewState, string> = {
  done: '',
  resetting: 'bg-[repeating-linear-gradient(0deg,rgba(0,0,0,0.35)_0_2px,transparent_2px_4px)]',
  migrating: 'bg-[repeating-linear-gradient(90deg,rgba(0,0,0,0.35)_0_2px,transparent_2px_4px)]',
  upgrading: 'bg-[repeating-linear-gradient(135deg,rgba(0,0,0,0.35)_0_2px,transparent_2px_5px)]',
  // Patterns repeat at a few px so a 12 px cell and a wide chart band read the same.
  queued: 'bg-[radial-gradient(circle,rgba(0,0,0,0.55)_0_1px,transparent_1.5px)] bg-[length:4px_4px]',
  failed:
    'bg-[repeating-linear-gradient(45deg,rgba(255,255,255,0.85)_0_1.5px,transparent_1.5px_5px),repeating-linear-gradient(135deg,rgba(255,255,255,0.85)_0_1.5px,transparent_1.5px_5px)]',
  other: 'border border-dashed border-zinc-500 dark:border-zinc-400',
};

/** A cell's or a legend swatch's classes for a state in a given severity's colour. */
export const stateClass = (s: OverviewState, severity: Severity = stateSeverity(s)): string => `${fillClass[severity]} ${patternClass[s]}`;
