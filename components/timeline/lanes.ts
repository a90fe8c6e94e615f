/**
 * Container lanes from a pod's timeline entries: per container, the stretches of time in one state (empty image,
 * changing image or waiting, running, ready, terminated, failed), plus restart and flip markers and kubelet
 * event dots. Entries are diffs whose `from` is the previous snapshot's value, so the state *before* the first
 * change is known too; a container that never changed takes its values from the pod's current view.
 */
import { FAILING_WAITING_REASONS } from '@/lib/sidecarset/views';
import { sameImage } from '@/lib/sidecarset/kruise';
import type { ContainerStateSummary, TimelineEntry } from '@/lib/sidecarset/timeline';
import type { PodView, Severity, SlotView } from '@/lib/sidecarset/views';
import type { ContainerDesc } from './containers';

export type SegmentState = 'empty' | 'waiting' | 'running' | 'ready' | 'terminated' | 'failed';

export interface Segment {
  startMs: number;
  endMs: number;
  /** Still going at `endMs` (now). */
  open: boolean;
  state: SegmentState;
  /** What the label shows: the running image, or the image the container is changing to. */
  image?: string;
  /** The image being replaced, while the spec and the runtime disagree. */
  fromImage?: string;
  reason?: string;
  restartCount?: number;
  /** This slot serves the sidecar's traffic (hot upgrade). */
  serving: boolean;
  /** resourceVersion of the pod write that started the segment. */
  rv?: string;
}

export interface LaneMarker {
  kind: 'restart' | 'flip';
  atMs: number;
  text: string;
  rv?: string;
  /** For a flip: the slot that serves from now on. */
  to?: string;
}

export interface EventDot {
  atMs: number;
  reason: string;
  text: string;
  severity: Severity;
}

export interface Lane {
  container: ContainerDesc;
  segments: Segment[];
  markers: LaneMarker[];
  events: EventDot[];
}

interface Current {
  spec?: string;
  status?: string;
  state?: ContainerStateSummary;
  ready?: boolean;
  restarts?: number;
}

/** The view's row for a container: app containers, hot slots and cold sidecars all have a SlotView. */
export function slotViewOf(view: PodView | undefined, container: string): SlotView | undefined {
  if (!view) return undefined;
  return (
    view.appContainers.find((s) => s.container === container) ??
    view.hotSidecars.flatMap((h) => h.slots).find((s) => s.container === container) ??
    view.coldSidecars.find((c) => c.slot?.container === container)?.slot
  );
}

/** Values at the start of the recorded history: the first diff's `from`, else today's value (it never changed). */
function initialValues(entries: readonly TimelineEntry[], name: string, view: SlotView | undefined): Current {
  const first = <K extends TimelineEntry['kind']>(kind: K) =>
    entries.find((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind && e.container === name);
  const spec = first('specImage');
  const status = first('statusImage');
  const state = first('state');
  const ready = first('ready');
  const restart = first('restart');
  const viewState: ContainerStateSummary | undefined = view ? { state: view.state, reason: view.reason } : undefined;
  return {
    spec: spec ? spec.from : view?.specImage,
    status: status ? status.from : view?.statusImage,
    state: state ? state.from : viewState,
    ready: ready ? ready.from : view?.ready,
    restarts: restart ? restart.from : view?.restartCount,
  };
}

function derive(c: Current, emptyImage: string | undefined): Pick<Segment, 'state' | 'image' | 'fromImage' | 'reason'> | undefined {
  if (c.spec === undefined && c.status === undefined && c.state === undefined) return undefined;
  const kind = c.state?.state;
  const reason = c.state?.reason;
  if (kind === 'terminated') {
    const clean = c.state?.exitCode === undefined || c.state.exitCode === 0 || reason === 'Completed';
    return { state: clean ? 'terminated' : 'failed', image: c.status ?? c.spec, reason: reason ?? `exit ${c.state?.exitCode ?? '?'}` };
  }
  if (kind === 'waiting') {
    return { state: reason !== undefined && FAILING_WAITING_REASONS.has(reason) ? 'failed' : 'waiting', image: c.spec ?? c.status, reason };
  }
  // Kruise (or a person) wrote a new image; the kubelet has not reported the new container yet.
  if (c.spec !== undefined && c.status !== undefined && c.status !== '' && !sameImage(c.spec, c.status)) {
    return { state: 'waiting', image: c.spec, fromImage: c.status, reason: 'image changing' };
  }
  const image = c.status || c.spec;
  if (emptyImage !== undefined && sameImage(image, emptyImage)) return { state: 'empty', image };
  if (kind === 'running') return { state: c.ready ? 'ready' : 'running', image };
  return { state: 'waiting', image, reason: 'state unknown' };
}

function apply(c: Current, e: TimelineEntry): void {
  if (e.kind === 'specImage') c.spec = e.to;
  else if (e.kind === 'statusImage') c.status = e.to;
  else if (e.kind === 'state') c.state = e.to;
  else if (e.kind === 'ready') c.ready = e.to;
  else if (e.kind === 'restart') c.restarts = e.to;
}

const sameLook = (a: Segment, b: Omit<Segment, 'startMs' | 'endMs' | 'open'>): boolean =>
  a.state === b.state && a.image === b.image && a.reason === b.reason && a.serving === b.serving && a.fromImage === b.fromImage;

/**
 * Build one lane. `serving(atMs)` says whether this container serves at a time (hot slots); `endMs` is now.
 * Entries at the same time come from one pod write and are applied together before the state is read.
 */
export function buildLane(
  container: ContainerDesc,
  entries: readonly TimelineEntry[],
  view: PodView | undefined,
  servingAt: (atMs: number) => boolean,
  endMs: number,
): Lane {
  const mine = entries.filter((e) => e.container === container.name);
  const cur = initialValues(mine, container.name, slotViewOf(view, container.name));
  const segments: Segment[] = [];
  const markers: LaneMarker[] = [];
  const events: EventDot[] = [];
  const startMs = entries[0]?.atMs ?? endMs;
  // Times where something about this lane may change: its own entries and the serving slot's flips.
  const flips = entries.filter((e) => e.kind === 'servingSlot').map((e) => e.atMs);
  // The pod write behind each time, for the segments a flip (not an entry of this lane) starts.
  const rvAt = new Map(entries.filter((e) => e.resourceVersion !== undefined).map((e) => [e.atMs, e.resourceVersion]));
  const times = [...new Set([startMs, ...mine.map((e) => e.atMs), ...flips])].sort((a, b) => a - b);
  let i = 0;
  for (const t of times) {
    let rv: string | undefined;
    while (i < mine.length && (mine[i] as TimelineEntry).atMs <= t) {
      const e = mine[i++] as TimelineEntry;
      apply(cur, e);
      rv = e.resourceVersion ?? rv;
      if (e.kind === 'restart') markers.push({ kind: 'restart', atMs: e.atMs, text: e.text, rv: e.resourceVersion });
      else if (e.kind === 'event') events.push({ atMs: e.atMs, reason: e.reason, text: e.text, severity: e.severity });
    }
    const look = derive(cur, container.emptyImage);
    const last = segments[segments.length - 1];
    if (!look) continue;
    // Only a slot running a real image can serve, whatever the serving record says.
    const up = look.state === 'ready' || look.state === 'running';
    const next = { ...look, restartCount: cur.restarts, serving: container.role === 'slot' && up && servingAt(t), rv: rv ?? rvAt.get(t) };
    if (last && sameLook(last, next)) continue;
    if (last) last.endMs = t;
    segments.push({ ...next, startMs: t, endMs, open: true });
  }
  for (const s of segments.slice(0, -1)) s.open = false;
  for (const e of entries) {
    if (e.kind === 'servingSlot' && e.to === container.name && e.from !== undefined) {
      markers.push({ kind: 'flip', atMs: e.atMs, text: e.text, rv: e.resourceVersion, to: e.to });
    }
  }
  markers.sort((a, b) => a.atMs - b.atMs);
  return { container, segments, markers, events };
}
