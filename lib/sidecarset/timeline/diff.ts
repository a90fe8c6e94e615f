/**
 * Timeline entries from two consecutive snapshots of one pod (spec §8.5: record a diff of spec images, the Kruise
 * annotations and container statuses on every watch event). Order within one diff follows causality: Kruise's
 * write (revision, images, working slot) before the kubelet's report (restart, state, images, readiness), then
 * the resulting phase transitions. With `prev` undefined the current state is emitted as a baseline.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isInjected, layoutProblems } from '../kruise/membership';
import { sidecarPhases } from '../views/phase';
import type { PhaseHints } from '../views/phase';
import { podUpgradeSpec } from '../kruise/pod-annotations';
import { containerStatusOf, hotSlots, isPodReady, isPodStateConsistent } from '../kruise/pod-state';
import { emptyImageOf, hotSlotNames, isHotUpgrade, sidecarContainersOf, sidecarSetName } from '../kruise/sidecarset';
import { containerStatusDrafts } from './status';
import type { TimelineDraft } from './status';
import type { SidecarSet } from '../kruise/types';
import type { TimelineEntry } from './types';
import type { SidecarPhase } from '../views/types';

export { eventToTimelineEntry } from './events';
export type * from './types';

export interface DiffOptions extends Omit<PhaseHints, 'previousPod'> {
  /**
   * The phases last recorded for this pod (sidecar name -> phase). Pass them when event hints are given: the
   * previous snapshot's phase cannot be recomputed fairly with events that arrived after it. Without them the
   * previous phases are recomputed from the previous snapshot alone (no event hints).
   */
  previousPhases?: Readonly<Record<string, SidecarPhase>>;
}

function assignedDrafts(ss: SidecarSet, prev: Pod | undefined, next: Pod): TimelineDraft[] {
  const before = prev ? podUpgradeSpec(prev, sidecarSetName(ss)) : undefined;
  const after = podUpgradeSpec(next, sidecarSetName(ss));
  if (!after || before?.hash === after.hash) return [];
  const rev = after.controllerRevision;
  return [
    {
      kind: 'assigned',
      from: before?.hash,
      to: after.hash,
      controllerRevision: rev,
      severity: 'info',
      text: `Kruise assigned revision ${rev ?? after.hash.slice(0, 10)}`,
    },
  ];
}

function specImageDrafts(ss: SidecarSet, prev: Pod | undefined, next: Pod): TimelineDraft[] {
  const emptyImages = new Map<string, string | undefined>();
  for (const c of sidecarContainersOf(ss)) {
    if (isHotUpgrade(c)) for (const slot of hotSlotNames(c.name)) emptyImages.set(slot, emptyImageOf(c));
  }
  const out: TimelineDraft[] = [];
  for (const c of next.spec?.containers ?? []) {
    const before = prev?.spec?.containers.find((p) => p.name === c.name)?.image;
    if (prev && before === c.image) continue;
    const empty = emptyImages.get(c.name);
    const toEmptyImage = empty !== undefined && empty === c.image;
    out.push({
      kind: 'specImage',
      container: c.name,
      from: before,
      to: c.image,
      toEmptyImage,
      severity: 'info',
      text: `${c.name} spec image ${toEmptyImage ? 'reset to empty ' : ''}${c.image ?? '(none)'}`,
    });
  }
  return out;
}

function workingSlotDrafts(ss: SidecarSet, prev: Pod | undefined, next: Pod): TimelineDraft[] {
  const out: TimelineDraft[] = [];
  for (const c of sidecarContainersOf(ss)) {
    if (!isHotUpgrade(c)) continue;
    const before = prev ? hotSlots(prev, c.name) : undefined;
    const after = hotSlots(next, c.name);
    if (!after.annotated || (before?.annotated && before.working === after.working)) continue;
    out.push({
      kind: 'workingSlot',
      sidecar: c.name,
      container: after.working,
      from: before?.annotated ? before.working : undefined,
      to: after.working,
      severity: 'info',
      text: `${c.name}: working slot is now ${after.working}`,
    });
  }
  return out;
}

/**
 * Which slot serves: the working slot once its status shows the spec image (consistent) and ready; until then
 * the other slot, if it runs a real image. Undefined when neither serves.
 */
export function servingSlot(ss: SidecarSet, pod: Pod, sidecar: string): string | undefined {
  const c = sidecarContainersOf(ss).find((x) => x.name === sidecar);
  if (!c) return undefined;
  const empty = emptyImageOf(c);
  const { working, standby } = hotSlots(pod, sidecar);
  const serves = (slot: string): boolean => {
    const spec = pod.spec?.containers.find((x) => x.name === slot)?.image;
    const st = containerStatusOf(pod, slot);
    return !!spec && spec !== empty && !!st?.ready && !!st.state?.running && isPodStateConsistent(ss, pod, [slot]);
  };
  if (serves(working)) return working;
  const standbyStatus = containerStatusOf(pod, standby);
  const standbyImage = pod.spec?.containers.find((x) => x.name === standby)?.image;
  if (standbyImage !== empty && standbyStatus?.state?.running) return standby;
  return undefined;
}

function servingSlotDrafts(ss: SidecarSet, prev: Pod | undefined, next: Pod): TimelineDraft[] {
  if (!prev) return [];
  const out: TimelineDraft[] = [];
  for (const c of sidecarContainersOf(ss)) {
    if (!isHotUpgrade(c)) continue;
    const before = servingSlot(ss, prev, c.name);
    const after = servingSlot(ss, next, c.name);
    if (!after || before === after) continue;
    out.push({
      kind: 'servingSlot',
      sidecar: c.name,
      container: after,
      from: before,
      to: after,
      severity: 'ok',
      text: before ? `${c.name}: working slot flipped, ${after} now serves (was ${before})` : `${c.name}: ${after} serves`,
    });
  }
  return out;
}

function podReadyDrafts(prev: Pod | undefined, next: Pod): TimelineDraft[] {
  const before = prev ? isPodReady(prev) : undefined;
  const after = isPodReady(next);
  if (before === after) return [];
  return [{ kind: 'podReady', from: before, to: after, severity: after ? 'ok' : 'warning', text: `pod ${after ? 'Ready' : 'not Ready'}` }];
}

/** Phases of a pod whose layout fits the SidecarSet; undefined otherwise (no phase to speak of). */
function phasesOf(ss: SidecarSet, pod: Pod, hints: PhaseHints): Record<string, SidecarPhase> | undefined {
  if (!isInjected(ss, pod) || layoutProblems(ss, pod).length > 0) return undefined;
  return Object.fromEntries(sidecarPhases(ss, pod, hints).map((e) => [e.name, e.phase]));
}

function phaseDrafts(ss: SidecarSet, prev: Pod | undefined, next: Pod, opts: DiffOptions): TimelineDraft[] {
  const { previousPhases, ...hints } = opts;
  const before = previousPhases ?? (prev ? phasesOf(ss, prev, { pausedFreezesReset: opts.pausedFreezesReset }) : undefined);
  const out: TimelineDraft[] = [];
  for (const [sidecar, phase] of Object.entries(phasesOf(ss, next, { ...hints, previousPod: prev }) ?? {})) {
    if (before?.[sidecar] === phase) continue;
    out.push({
      kind: 'phase',
      sidecar,
      from: before?.[sidecar],
      to: phase,
      severity: phase === 'Failed' ? 'error' : 'info',
      text: `${sidecar}: ${phase}`,
    });
  }
  return out;
}

function withIdentity(d: TimelineDraft, pod: Pod, atMs: number): TimelineEntry {
  const meta = pod.metadata;
  const rv = meta?.resourceVersion;
  // Phase entries can change without a pod write (an event arrives), so their target phase is part of the key.
  const key = d.kind === 'phase' ? `${d.sidecar}/${d.to}` : 'sidecar' in d ? d.sidecar : (d.container ?? '');
  const podId = meta?.uid ?? `${meta?.namespace ?? 'default'}/${meta?.name ?? ''}`;
  return {
    ...d,
    // One entry per (snapshot, kind, container or sidecar): replaying the same diff yields the same ids.
    id: `${podId}/${rv ?? `t${atMs}`}/${d.kind}/${key}`,
    atMs,
    subject: { kind: 'Pod', namespace: meta?.namespace ?? 'default', name: meta?.name ?? '', uid: meta?.uid },
    resourceVersion: rv,
  };
}

export function diffPodSnapshots(
  prev: Pod | undefined,
  next: Pod,
  ss: SidecarSet,
  atMs: number,
  opts: DiffOptions = {},
): TimelineEntry[] {
  const drafts: TimelineDraft[] = [
    ...assignedDrafts(ss, prev, next),
    ...specImageDrafts(ss, prev, next),
    ...workingSlotDrafts(ss, prev, next),
    ...(next.status?.containerStatuses ?? []).flatMap((st) =>
      containerStatusDrafts(prev ? containerStatusOf(prev, st.name) : undefined, st),
    ),
    ...servingSlotDrafts(ss, prev, next),
    ...podReadyDrafts(prev, next),
    ...phaseDrafts(ss, prev, next, opts),
  ];
  return drafts.map((d) => withIdentity(d, next, atMs));
}
