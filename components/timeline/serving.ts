/**
 * Which hot slot serves a sidecar's traffic at a given time, from the recorder's `servingSlot` entries (the
 * real flip: the working slot runs its image and is ready). Kruise's working-slot annotation is not used: it
 * flips at the upgrade write, before the new container even starts.
 */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { PodView } from '@/lib/sidecarset/views';

export function servingSlotAt(entries: readonly TimelineEntry[], sidecar: string, view: PodView | undefined): (atMs: number) => string | undefined {
  const flips = entries.filter((e): e is Extract<TimelineEntry, { kind: 'servingSlot' }> => e.kind === 'servingSlot' && e.sidecar === sidecar);
  const write = entries.find((e): e is Extract<TimelineEntry, { kind: 'workingSlot' }> => e.kind === 'workingSlot' && e.sidecar === sidecar && e.from !== undefined);
  const hot = view?.hotSidecars.find((h) => h.name === sidecar);
  // Before the first recorded flip: its `from`; else the working slot before Kruise's first recorded upgrade
  // write (the annotation moves at the write, while the old slot keeps serving); else, if the pod is settled,
  // today's working slot has served all along.
  const settled = hot?.phase === 'Done' || hot?.phase === 'Pending' || hot?.phase === 'NotUpgradable';
  const initial = flips[0] ? flips[0].from : write ? write.from : settled ? hot?.workingSlot : undefined;
  return (atMs) => {
    let slot = initial;
    for (const f of flips) {
      if (f.atMs > atMs) break;
      slot = f.to;
    }
    return slot;
  };
}
