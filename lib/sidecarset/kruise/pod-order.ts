/**
 * The order in which Kruise upgrades waiting pods: SortUpdateIndexes (spec §4.2) = k8s ActivePods order, then the
 * priority strategy, then the scatter strategy, each stable over the previous. Kruise's first stage uses Go's
 * unstable sort.Slice; a stable sort is used here, so ties may come out in a different (but deterministic) order.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorMatches } from './label-selector';
import { isPodReady } from './pod-state';
import { scatterSort } from './scatter-sort';
import { timeMs } from './time';
import type { SidecarSetUpdateStrategy, UpdatePriorityStrategy } from './types';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTimeMs(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return timeMs(c?.lastTransitionTime);
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));
}

/** afterOrZero: a zero time sorts first, then later before earlier. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** k8s controller.ActivePods.Less: unscheduled, pending, not-ready, recently-ready, crashy and new pods go first. */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  if (ra && rb) {
    const ta = readyTimeMs(a);
    const tb = readyTimeMs(b);
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

function comparatorFromLess<T>(less: (a: T, b: T) => boolean): (a: T, b: T) => number {
  return (a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
}

function weightOf(strategy: UpdatePriorityStrategy, labels: Record<string, string> | undefined): number {
  let weight = 0;
  for (const term of strategy.weightPriority ?? []) {
    if (labelSelectorMatches(term.matchSelector, labels)) weight += term.weight;
  }
  return weight;
}

/** Trailing integer of a label value: "sts-10" -> 10; none (or out of int64 range) -> 0. */
export function trailingInt(value: string): number {
  const m = /(\d+)$/.exec(value);
  if (!m?.[1]) return 0;
  const n = Number(m[1]);
  return n > Number.MAX_SAFE_INTEGER && BigInt(m[1]) > 9223372036854775807n ? 0 : n;
}

/** Level = index of the first orderedKey the pod carries; pods with none get -1 and so sort first (spec §10). */
function orderOf(strategy: UpdatePriorityStrategy, labels: Record<string, string> | undefined): [number, number] {
  const terms = strategy.orderPriority ?? [];
  for (let i = 0; i < terms.length; i++) {
    const key = terms[i]?.orderedKey ?? '';
    const value = labels?.[key];
    if (value !== undefined && Object.hasOwn(labels ?? {}, key)) return [i, trailingInt(value)];
  }
  return [-1, 0];
}

/** prioritySort.Sort: higher total weight first, or lower order level then larger trailing number first. */
export function prioritySort(strategy: UpdatePriorityStrategy, pods: readonly Pod[], indexes: number[]): number[] {
  const weights = strategy.weightPriority ?? [];
  const orders = strategy.orderPriority ?? [];
  if (weights.length === 0 && orders.length === 0) return indexes;
  const labelsOf = (i: number) => pods[i]?.metadata?.labels;
  if (weights.length > 0) {
    return [...indexes].sort((i, j) => weightOf(strategy, labelsOf(j)) - weightOf(strategy, labelsOf(i)));
  }
  return [...indexes].sort((i, j) => {
    const [li, oi] = orderOf(strategy, labelsOf(i));
    const [lj, oj] = orderOf(strategy, labelsOf(j));
    return li !== lj ? li - lj : oj - oi;
  });
}

/** SortUpdateIndexes: indexes into `pods` (the matched pods) in the order Kruise would upgrade them. */
export function sortUpdateIndexes(
  strategy: SidecarSetUpdateStrategy | null | undefined,
  pods: readonly Pod[],
  indexes: readonly number[],
): number[] {
  const cmp = comparatorFromLess(activePodsLess);
  let out = [...indexes].sort((i, j) => cmp(pods[i] as Pod, pods[j] as Pod));
  if (strategy?.priorityStrategy) out = prioritySort(strategy.priorityStrategy, pods, out);
  if (strategy?.scatterStrategy) out = scatterSort(strategy.scatterStrategy, pods, out);
  return out;
}
