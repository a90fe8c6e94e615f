/**
 * A recorded rollout replayed with the live page's components: the timeline is the live API's shape, but the
 * record keeps no pod views and no SidecarSet summary, so what the swimlanes and the grid need from those is
 * derived from the record itself (the sidecar's slots from the entries, each pod's state from its track).
 */
import type { RolloutRecordResponse } from '@/lib/api';
import { makeCell, orderCells, type PodCell } from '@/components/rollout-overview/grid-model';
import { representativePhase, stateSeverity, stateWord } from '@/components/rollout-overview/states';
import { stateAt, type Track } from '@/components/rollout-overview/track';
import type { PodModel } from '@/components/timeline/pod-model';
import type { SidecarContainerSummary } from '@/lib/sidecarset/views';

/** The moment the replay is frozen at: the rollout's end, or when the record was read for one still running. */
export const recordEndMs = (r: RolloutRecordResponse): number => r.endedAt ?? r.timeline.generatedAt;

/**
 * The rollout's sidecar as the swimlanes' container list needs it: hot (two slots `<name>-1`/`-2`) when the
 * entries name such slots, with the empty image the slots were reset to.
 */
export function recordSidecars(r: RolloutRecordResponse): SidecarContainerSummary[] {
  const slots = new Set([`${r.container}-1`, `${r.container}-2`]);
  let hot = false;
  let emptyImage: string | undefined;
  for (const p of r.timeline.pods)
    for (const e of p.entries) {
      if (e.container === undefined || !slots.has(e.container)) continue;
      hot = true;
      if (e.kind === 'specImage' && e.toEmptyImage && e.to) emptyImage = e.to;
    }
  return [
    {
      name: r.container,
      image: r.toImage,
      upgradeType: hot ? 'HotUpgrade' : 'ColdUpgrade',
      emptyImage,
      podInjectPolicy: 'BeforeAppContainer',
      shareVolumePolicy: 'disabled',
    },
  ];
}

/** Each recorded pod's cell at `atMs` (the replay's frozen "now"), in the swimlanes' order. */
export function recordCells(r: RolloutRecordResponse, models: readonly PodModel[], tracks: readonly Track[], atMs: number): PodCell[] {
  const summaries = new Map(r.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const cells = models.map((m, i) => {
    const s = summaries.get(m.key);
    const track = tracks[i];
    const known = track ? stateAt(track, atMs) : undefined;
    const state = s?.failed ? 'failed' : (known ?? 'other');
    return makeCell({
      key: m.key,
      phase: representativePhase(state),
      phaseLabel: known === undefined && !s?.failed ? 'Not recorded' : stateWord[state],
      severity: stateSeverity(state),
      updated: state === 'done',
      verdict: s?.verdict,
      hasTimeline: true,
      state,
    });
  });
  return orderCells(cells, models.map((m) => m.key));
}
