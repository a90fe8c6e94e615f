/**
 * The dense pod grid's cells (one per pod, in the swimlanes' upgrade order), the filters that narrow the grid
 * and the swimlanes together, and the grid's keyboard movement. Pure: the hook around it only caches.
 */
import { isInFlightPhase, type PodUpgradePhase, type PodView, type Severity } from '@/lib/sidecarset/views';
import type { Verdict } from '@/lib/sidecarset/verdict';
import { stateOfPhase, stateWord, type OverviewState } from './states';

export interface PodCell {
  key: string;
  phase: PodUpgradePhase;
  state: OverviewState;
  severity: Severity;
  lossy: boolean;
  inFlight: boolean;
  updated: boolean;
  /** The pod has swimlanes to jump to. */
  hasTimeline: boolean;
  /** The phase's words and the overview state it counts as, e.g. "Migrating (migrating)". */
  stateText: string;
  /** What hover, focus and screen readers say: the pod, its phase, and the probe's verdict when lossy. */
  label: string;
}

export interface CellFacts {
  key: string;
  phase: PodUpgradePhase;
  phaseLabel: string;
  severity: Severity;
  updated: boolean;
  verdict: Verdict | undefined;
  hasTimeline: boolean;
  /** The overview state, when known better than from the phase (a replay's state at the record's end). */
  state?: OverviewState;
}

export function makeCell(f: CellFacts): PodCell {
  const lossy = f.verdict !== undefined && !f.verdict.lossless && f.verdict.total > 0;
  const state = f.state ?? stateOfPhase(f.phase);
  const stateText = `${f.phaseLabel} (${stateWord[state]})`;
  return {
    key: f.key,
    phase: f.phase,
    state,
    severity: f.severity,
    lossy,
    inFlight: isInFlightPhase(f.phase),
    updated: f.updated,
    hasTimeline: f.hasTimeline,
    stateText,
    label: `${f.key}: ${stateText}${lossy && f.verdict ? `, lossy: ${f.verdict.text}` : ''}`,
  };
}

/** A live pod's cell, from its view. */
export function podCell(view: PodView, verdict: Verdict | undefined, hasTimeline: boolean): PodCell {
  return makeCell({
    key: `${view.namespace}/${view.name}`,
    phase: view.upgradePhase,
    phaseLabel: view.phaseLabel,
    severity: view.severity,
    updated: view.updated,
    verdict,
    hasTimeline,
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cells in the swimlanes' order (`order`: pod keys top to bottom); pods without swimlanes yet after, by name. */
export function orderCells(cells: readonly PodCell[], order: readonly string[]): PodCell[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  return [...cells].sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || cmp(a.key, b.key));
}

export type FilterId = 'failed' | 'lossy' | 'inFlight' | 'notUpdated';

export const FILTERS: readonly FilterId[] = ['failed', 'lossy', 'inFlight', 'notUpdated'];

export const filterLabel: Record<FilterId, string> = {
  failed: 'Failed',
  lossy: 'Lossy',
  inFlight: 'In flight',
  notUpdated: 'Not updated',
};

export const filterMeaning: Record<FilterId, string> = {
  failed: 'A sidecar container cannot start',
  lossy: 'The traffic probe saw failed requests',
  inFlight: 'Between Kruise’s upgrade write and the old slot’s reset',
  notUpdated: 'Not on the latest revision yet',
};

export function matchesFilter(c: PodCell, f: FilterId): boolean {
  switch (f) {
    case 'failed':
      return c.state === 'failed';
    case 'lossy':
      return c.lossy;
    case 'inFlight':
      return c.inFlight;
    case 'notUpdated':
      return !c.updated;
  }
}

/** No filter: every pod. Several: a pod that matches any of them (each narrows to a worry; together, all of them). */
export function applyFilters(cells: readonly PodCell[], active: ReadonlySet<FilterId>): readonly PodCell[] {
  if (active.size === 0) return cells;
  return cells.filter((c) => [...active].some((f) => matchesFilter(c, f)));
}

export function filterCounts(cells: readonly PodCell[]): Record<FilterId, number> {
  const out: Record<FilterId, number> = { failed: 0, lossy: 0, inFlight: 0, notUpdated: 0 };
  for (const c of cells) for (const f of FILTERS) if (matchesFilter(c, f)) out[f]++;
  return out;
}

/** `failed,lossy` ⇄ a set, for the URL; unknown names are dropped. */
export function parseFilters(text: string | null | undefined): Set<FilterId> {
  const known = new Set<string>(FILTERS);
  return new Set((text ?? '').split(',').filter((f): f is FilterId => known.has(f)));
}

export const formatFilters = (active: ReadonlySet<FilterId>): string => FILTERS.filter((f) => active.has(f)).join(',');

/**
 * Arrow keys in a grid of `count` cells laid out `cols` per row (the last row may be short): Left/Right along
 * the reading order, Up/Down a row, Home/End the row's ends, Ctrl+Home/End the first and last cell.
 * Returns undefined for keys the grid does not handle.
 */
export function gridMove(index: number, key: string, count: number, cols: number, ctrl = false): number | undefined {
  if (count === 0) return undefined;
  const c = Math.max(1, cols);
  const rowStart = index - (index % c);
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + c < count ? index + c : index;
    case 'ArrowUp':
      return index - c >= 0 ? index - c : index;
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? count - 1 : clamp(rowStart + c - 1);
    case 'PageDown':
      return clamp(index + c * 5);
    case 'PageUp':
      return clamp(index - c * 5);
    default:
      return undefined;
  }
}
