/**
 * Update order of waiting pods (spec §4.2): k8s ActivePods order, then Kruise's priority sort
 * (pkg/util/updatesort/priority_sort.go) and scatter sort (scatter_sort.go), each stable over the previous.
 * Indexes refer to the `pods` array (the matched pods), exactly as in Kruise.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../apimachinery/label-selector';
import { isPodReadyCondition } from './pod-state';
import { scatterSort } from './scatter-sort';
import type { SidecarSetUpdateStrategy, UpdatePriorityStrategy, UpdateScatterTerm } from './types';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

const timeMs = (t: string | undefined): number => (t ? Date.parse(t) : 0) || 0;

function readyTime(pod: Pod): number {
  if (!isPodReadyCondition(pod)) return 0;
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return timeMs(c?.lastTransitionTime);
}

const maxRestarts = (pod: Pod): number =>
  Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));

/** afterOrZero: a zero time sorts first, otherwise the later time first. */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

/** controller.ActivePods.Less: not-ready, unscheduled, pending, flapping and young pods first. */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReadyCondition(a);
  const rb = isPodReadyCondition(b);
  if (ra !== rb) return !ra;
  if (ra && rb) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) return afterOrZero(ta, tb);
  }
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return ca > cb;
  const ka = timeMs(a.metadata?.creationTimestamp);
  const kb = timeMs(b.metadata?.creationTimestamp);
  if (ka !== kb) return afterOrZero(ka, kb);
  return false;
}

/** Stable sort of indexes with a Go-style "less" predicate. */
function stableSortBy(indexes: number[], less: (i: number, j: number) => boolean): number[] {
  return [...indexes].sort((i, j) => (less(i, j) ? -1 : less(j, i) ? 1 : 0));
}

/** The trailing integer of a label value ("sts-10" -> 10), 0 when there is none. */
function intFromStringSuffix(v: string): number {
  const m = /(\d+)$/.exec(v);
  if (!m?.[1]) return 0;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : 0;
}

function weightOf(strategy: UpdatePriorityStrategy, labels: Record<string, string>): number {
  return (strategy.weightPriority ?? []).reduce(
    (sum, w) => (matchesLabelSelector(w.matchSelector, labels) ? sum + w.weight : sum),
    0,
  );
}

function orderOf(strategy: UpdatePriorityStrategy, labels: Record<string, string>): [number, number] {
  const terms = strategy.orderPriority ?? [];
  for (let i = 0; i < terms.length; i++) {
    const key = terms[i]?.orderedKey ?? '';
    const value = labels[key];
    if (value !== undefined) return [i, intFromStringSuffix(value)];
  }
  // Pods with none of the keys get level -1 and therefore go first (priority_sort.go:54-92).
  return [-1, 0];
}

export function prioritySort(strategy: UpdatePriorityStrategy | undefined, pods: readonly Pod[], indexes: number[]): number[] {
  if (!strategy || (!strategy.weightPriority?.length && !strategy.orderPriority?.length)) return indexes;
  const labelsOf = (i: number): Record<string, string> => pods[i]?.metadata?.labels ?? {};
  if (strategy.weightPriority?.length) {
    return stableSortBy(indexes, (i, j) => weightOf(strategy, labelsOf(i)) > weightOf(strategy, labelsOf(j)));
  }
  return stableSortBy(indexes, (i, j) => {
    const [li, oi] = orderOf(strategy, labelsOf(i));
    const [lj, oj] = orderOf(strategy, labelsOf(j));
    return li !== lj ? li < lj : oi > oj;
  });
}

/** parseUpdateScatterTerms: `value: "*"` becomes one term per value present on the pods, deduplicated. */
export function expandScatterTerms(terms: readonly UpdateScatterTerm[], pods: readonly Pod[]): UpdateScatterTerm[] {
  const out: UpdateScatterTerm[] = [];
  const insert = (t: UpdateScatterTerm): void => {
    if (!out.some((o) => o.key === t.key && o.value === t.value)) out.push(t);
  };
  for (const term of terms) {
    if (term.value !== '*') {
      insert(term);
      continue;
    }
    for (const pod of pods) {
      const v = pod.metadata?.labels?.[term.key];
      if (v !== undefined) insert({ key: term.key, value: v });
    }
  }
  return out;
}

/** SortUpdateIndexes: default order, then priority, then scatter. */
export function sortUpdateIndexes(strategy: SidecarSetUpdateStrategy, pods: readonly Pod[], indexes: number[]): number[] {
  let out = stableSortBy(indexes, (i, j) => {
    const a = pods[i];
    const b = pods[j];
    return a !== undefined && b !== undefined && activePodsLess(a, b);
  });
  if (strategy.priorityStrategy) out = prioritySort(strategy.priorityStrategy, pods, out);
  if (strategy.scatterStrategy) out = scatterSort(expandScatterTerms(strategy.scatterStrategy, pods), pods, out);
  return out;
}
