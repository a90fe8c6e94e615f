import type { PodView, SlotView } from '@/lib/sidecarset/views';

export interface ContainerRow {
  slot: SlotView;
  role: string;
}

/** The pod's containers in the timeline's order: app containers, hot slots (with their role now), cold sidecars. */
export function containerRows(view: PodView): ContainerRow[] {
  return [
    ...view.appContainers.map((slot) => ({ slot, role: 'app' })),
    ...view.hotSidecars.flatMap((h) =>
      h.slots.map((slot) => ({ slot, role: slot.container === h.workingSlot ? `${h.name}: working slot` : `${h.name}: standby${slot.onEmptyImage ? ' (empty image)' : ''}` })),
    ),
    ...view.coldSidecars.flatMap((c) => (c.slot ? [{ slot: c.slot, role: `${c.name}: sidecar` }] : [])),
  ];
}
