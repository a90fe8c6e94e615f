/**
 * What of a pod's model shows in the current domain: open items end at `now`, gaps cut segments and spans,
 * anything outside the domain is left out. Pure, so the row renders and the arrow keys walk the same list.
 */
import type { Band } from './bands';
import { outsideGaps, type Interval } from './gaps';
import type { EventDot, Lane, LaneMarker, Segment } from './lanes';
import type { NavItem } from './nav';
import type { PodModel } from './pod-model';
import type { ProbeSpan, VersionSwitch } from './probe';
import { intersects, pct, type Domain } from './time-scale';

export interface Placed<T> {
  key: string;
  item: T;
  startMs: number;
  endMs: number;
  /** Still going at `now`. */
  open: boolean;
  /** Ends where a gap starts: what happened next is not known. */
  cut: boolean;
}

export interface LaneLayout {
  lane: Lane;
  segments: Placed<Segment>[];
  markers: Placed<LaneMarker>[];
  events: EventDot[];
}

export interface PodLayout {
  lanes: LaneLayout[];
  bands: Placed<Band>[];
  podEvents: EventDot[];
  spans: Placed<ProbeSpan>[];
  switches: Placed<VersionSwitch>[];
  nav: NavItem[][];
}

function place<T extends { startMs: number; endMs: number; open?: boolean }>(prefix: string, items: readonly T[], d: Domain, now: number, gaps: readonly Interval[]): Placed<T>[] {
  const out: Placed<T>[] = [];
  items.forEach((item, i) => {
    const end = item.open ? Math.max(item.startMs, now) : item.endMs;
    for (const piece of outsideGaps({ startMs: item.startMs, endMs: end }, gaps)) {
      if (!intersects(d, piece.startMs, piece.endMs)) continue;
      out.push({ key: `${prefix}${i}@${piece.startMs}`, item, startMs: piece.startMs, endMs: piece.endMs, open: !!item.open && piece.endMs === end, cut: piece.endMs < end });
    }
  });
  return out;
}

function points<T extends { atMs: number }>(prefix: string, items: readonly T[], d: Domain): Placed<T>[] {
  return items
    .map((item, i) => ({ key: `${prefix}${i}`, item, startMs: item.atMs, endMs: item.atMs, open: false, cut: false }))
    .filter((p) => intersects(d, p.startMs, p.startMs));
}

const byTime = (a: NavItem, b: NavItem) => a.atMs - b.atMs;

export function layoutPod(m: PodModel, d: Domain, now: number, gaps: readonly Interval[]): PodLayout {
  const lanes = m.lanes.map((lane) => ({
    lane,
    segments: place(`${lane.container.name}:s`, lane.segments, d, now, gaps),
    markers: points(`${lane.container.name}:m`, lane.markers, d),
    events: lane.events.filter((e) => intersects(d, e.atMs, e.atMs)),
  }));
  const bands = place('band:', m.bands, d, now, gaps);
  // Probe samples are the dashboard's own requests, not watch events: a watch gap does not hide them.
  // A span lasts an interval past its last request; the latest one must not run ahead of the cursor.
  const spans = place('probe:', m.probe?.spans ?? [], d, now, []).map((p) => (p.endMs > now ? { ...p, endMs: Math.max(p.startMs, now) } : p));
  const switches = points('switch:', m.probe?.switches ?? [], d);
  const nav: NavItem[][] = [
    ...lanes.map((l) => [...l.segments, ...l.markers].map((p) => ({ key: p.key, atMs: p.startMs })).sort(byTime)),
    bands.map((b) => ({ key: b.key, atMs: b.startMs })),
    [...spans, ...switches].map((p) => ({ key: p.key, atMs: p.startMs })).sort(byTime),
  ];
  return { lanes, bands, podEvents: m.podEvents.filter((e) => intersects(d, e.atMs, e.atMs)), spans, switches, nav };
}

/** left/width in % of the track for an interval. */
export function box(d: Domain, startMs: number, endMs: number): { left: string; width: string } {
  const l = pct(d, startMs);
  return { left: `${l}%`, width: `${Math.max(0, pct(d, endMs) - l)}%` };
}
