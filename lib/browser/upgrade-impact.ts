/**
 * What an image change will do, for the Upgrade dialog: which pods it upgrades and what holds the rest.
 * Approximates Kruise (spec §4): members outside updateStrategy.selector or not upgradable are left alone, and
 * `partition` pods stay on the old revision.
 */
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';

export interface UpgradeImpact {
  /** Pods Kruise will upgrade (eventually, if paused). */
  pods: number;
  members: number;
  outsideUpdateSelector: number;
  notUpgradable: number;
  heldByPartition: number;
  notInjected: number;
  maxUnavailable: number;
  paused: boolean;
  notUpdate: boolean;
}

export function upgradeImpact(summary: SidecarSetSummary, pods: readonly PodView[]): UpgradeImpact {
  const members = pods.filter((p) => p.member);
  const outsideUpdateSelector = members.filter((p) => p.pending?.reason === 'NotSelected').length;
  const notUpgradable = members.filter((p) => p.pending?.reason !== 'NotSelected' && !p.upgradable).length;
  const eligible = members.length - outsideUpdateSelector - notUpgradable;
  const heldByPartition = Math.min(eligible, summary.updateStrategy.partitionCount);
  const notUpdate = summary.updateStrategy.type === 'NotUpdate';
  return {
    pods: notUpdate ? 0 : eligible - heldByPartition,
    members: members.length,
    outsideUpdateSelector,
    notUpgradable,
    heldByPartition,
    notInjected: pods.filter((p) => p.selectedButNotInjected).length,
    maxUnavailable: summary.updateStrategy.maxUnavailableCount,
    paused: summary.updateStrategy.paused,
    notUpdate,
  };
}

/** Real images seen on this container's slots (never the empty image), most common first. */
export function imagesSeen(summary: SidecarSetSummary, pods: readonly PodView[], container: string): string[] {
  const spec = summary.containers.find((c) => c.name === container);
  const counts = new Map<string, number>();
  const add = (image: string | undefined) => {
    if (image && image !== spec?.emptyImage) counts.set(image, (counts.get(image) ?? 0) + 1);
  };
  for (const p of pods) {
    for (const h of p.hotSidecars) if (h.name === container) for (const s of h.slots) add(s.specImage);
    for (const c of p.coldSidecars) if (c.name === container) add(c.slot?.specImage);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([image]) => image);
}
