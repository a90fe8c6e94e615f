/**
 * Which lanes a pod gets, in reading order: its app containers, then per hot sidecar its two slots,
 * then cold sidecars. Taken from the pod's view when there is one, else from the containers its entries name.
 */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { PodView, SidecarContainerSummary } from '@/lib/sidecarset/views';

export interface ContainerDesc {
  name: string;
  role: 'app' | 'slot' | 'sidecar';
  /** The SidecarSet container a hot slot belongs to. */
  sidecar?: string;
  /** The hot upgrade's empty image, for slots. */
  emptyImage?: string;
}

export function containersOf(sidecars: readonly SidecarContainerSummary[], view: PodView | undefined, entries: readonly TimelineEntry[]): ContainerDesc[] {
  const slots: ContainerDesc[] = [];
  const cold: ContainerDesc[] = [];
  for (const c of sidecars) {
    if (c.upgradeType === 'HotUpgrade') {
      for (const n of [1, 2]) slots.push({ name: `${c.name}-${n}`, role: 'slot', sidecar: c.name, emptyImage: c.emptyImage });
    } else {
      cold.push({ name: c.name, role: 'sidecar', sidecar: c.name });
    }
  }
  const known = new Set([...slots, ...cold].map((c) => c.name));
  const apps = view
    ? view.appContainers.map((s) => s.container)
    : [...new Set(entries.map((e) => e.container).filter((n): n is string => n !== undefined && !known.has(n)))].sort();
  return [...apps.filter((n) => !known.has(n)).map((name): ContainerDesc => ({ name, role: 'app' })), ...slots, ...cold];
}
