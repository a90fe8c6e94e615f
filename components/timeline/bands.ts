/**
 * Phase bands of each upgrade of a pod, from its entries (spec §3.3):
 * - Upgrade: from Kruise's upgrade write (the standby slot gets the new image) until the pod is Done again;
 * - Migration: the new slot's postStart runs, from its `Started` event until it is ready;
 * - Reset: from the write that puts the old slot on the empty image until it runs it (Done).
 * Cold sidecars get an Upgrade band from the image write until the restarted container is ready.
 */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { ContainerDesc } from './containers';

export type BandKind = 'Upgrade' | 'Migration' | 'Reset';

export interface Band {
  kind: BandKind;
  sidecar: string;
  startMs: number;
  endMs: number;
  open: boolean;
  /** The slot the band is about: the new one (Upgrade, Migration) or the old one (Reset). */
  container: string;
  failed: boolean;
  rv?: string;
}

type Of<K extends TimelineEntry['kind']> = Extract<TimelineEntry, { kind: K }>;
const is = <K extends TimelineEntry['kind']>(kind: K) => (e: TimelineEntry): e is Of<K> => e.kind === kind;

/** Events have second precision: one stamped in the same second as a write may sort before it. */
const sameSecondOrLater = (e: TimelineEntry, t: number) => e.atMs >= Math.floor(t / 1000) * 1000;

function firstAfter<T extends TimelineEntry>(entries: readonly TimelineEntry[], t: number, pred: (e: TimelineEntry) => e is T): T | undefined {
  return entries.find((e): e is T => e.atMs >= t && pred(e));
}

function hotBands(entries: readonly TimelineEntry[], sidecar: string, slots: ReadonlySet<string>, endMs: number): Band[] {
  const out: Band[] = [];
  const writes = entries.filter(is('specImage')).filter((e) => e.container !== undefined && slots.has(e.container) && !e.toEmptyImage && e.from !== undefined);
  writes.forEach((w, i) => {
    const slot = w.container as string;
    const nextWrite = writes[i + 1]?.atMs ?? Infinity;
    const within = entries.filter((e) => e.atMs >= w.atMs - 1000 && e.atMs < nextWrite);
    const reset = firstAfter(within, w.atMs, (e): e is Of<'specImage'> => e.kind === 'specImage' && e.toEmptyImage && e.container !== slot && slots.has(e.container ?? ''));
    // Done: the phase says so, or (when a gap hid the phase changes) the reset slot came back up on the empty image.
    const done =
      firstAfter(within, w.atMs, (e): e is Of<'phase'> => e.kind === 'phase' && e.sidecar === sidecar && e.to === 'Done') ??
      (reset && firstAfter(within, reset.atMs, (e): e is Of<'ready'> => e.kind === 'ready' && e.container === reset.container && e.to && e.newInstance));
    const failed = within.some((e) => e.kind === 'phase' && e.sidecar === sidecar && e.to === 'Failed' && e.atMs >= w.atMs && (!done || e.atMs < done.atMs));
    const end = done?.atMs;
    out.push({ kind: 'Upgrade', sidecar, container: slot, startMs: w.atMs, endMs: end ?? endMs, open: end === undefined, failed, rv: w.resourceVersion });
    const started =
      within.find((e) => e.kind === 'event' && e.stage === 'started' && e.container === slot && sameSecondOrLater(e, w.atMs)) ??
      firstAfter(within, w.atMs, (e): e is Of<'phase'> => e.kind === 'phase' && e.sidecar === sidecar && e.to === 'Migrating');
    if (started) {
      const ready = firstAfter(within, w.atMs, (e): e is Of<'ready'> => e.kind === 'ready' && e.container === slot && e.to);
      // A Started event delivered late can arrive after the readiness it preceded: never end before starting.
      const from = Math.min(Math.max(started.atMs, w.atMs), ready?.atMs ?? Infinity);
      out.push({ kind: 'Migration', sidecar, container: slot, startMs: from, endMs: ready?.atMs ?? endMs, open: !ready, failed, rv: ready?.resourceVersion });
    }
    if (reset) {
      out.push({ kind: 'Reset', sidecar, container: reset.container as string, startMs: reset.atMs, endMs: end ?? endMs, open: end === undefined, failed, rv: reset.resourceVersion });
    }
  });
  return out;
}

function coldBands(entries: readonly TimelineEntry[], sidecar: string, endMs: number): Band[] {
  const writes = entries.filter(is('specImage')).filter((e) => e.container === sidecar && e.from !== undefined);
  return writes.map((w) => {
    const ready = firstAfter(entries, w.atMs, (e): e is Of<'ready'> => e.kind === 'ready' && e.container === sidecar && e.to && e.newInstance);
    return { kind: 'Upgrade', sidecar, container: sidecar, startMs: w.atMs, endMs: ready?.atMs ?? endMs, open: !ready, failed: false, rv: w.resourceVersion };
  });
}

export function phaseBands(entries: readonly TimelineEntry[], containers: readonly ContainerDesc[], endMs: number): Band[] {
  const bySidecar = new Map<string, Set<string>>();
  for (const c of containers) if (c.role === 'slot' && c.sidecar) bySidecar.set(c.sidecar, new Set([...(bySidecar.get(c.sidecar) ?? []), c.name]));
  const bands = [...bySidecar].flatMap(([sidecar, slots]) => hotBands(entries, sidecar, slots, endMs));
  for (const c of containers) if (c.role === 'sidecar') bands.push(...coldBands(entries, c.name, endMs));
  return bands.sort((a, b) => a.startMs - b.startMs);
}
