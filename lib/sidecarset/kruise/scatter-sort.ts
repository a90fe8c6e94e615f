/**
 * Kruise's scatter sort (pkg/util/updatesort/scatter_sort.go, spec §4.2), ported literally because its output is
 * not obvious: each term interleaves matching and non-matching pods by density and moves the last matching pod to
 * the very end. `value: "*"` terms are first expanded to every value present on the pods (SidecarSet only).
 * Go's integer division, float32 comparison and round-half-away-from-zero are kept.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { UpdateScatterTerm } from './types';

const labelOf = (pod: Pod | undefined, key: string): string | undefined => pod?.metadata?.labels?.[key];

/** parseUpdateScatterTerms: expand `key=*` and drop duplicates, keeping first occurrence order. */
export function expandScatterTerms(terms: readonly UpdateScatterTerm[], pods: readonly Pod[]): UpdateScatterTerm[] {
  const out: UpdateScatterTerm[] = [];
  const add = (t: UpdateScatterTerm) => {
    if (!out.some((o) => o.key === t.key && o.value === t.value)) out.push(t);
  };
  for (const term of terms) {
    if (term.value !== '*') {
      add(term);
      continue;
    }
    for (const pod of pods) {
      const v = labelOf(pod, term.key);
      if (v !== undefined) add({ key: term.key, value: v });
    }
  }
  return out;
}

/** getScatterTerms: terms present among the waiting pods, most frequent first. */
function termsByFrequency(terms: readonly UpdateScatterTerm[], pods: readonly Pod[], indexes: readonly number[]) {
  if (terms.length === 1) return [...terms];
  const counts = new Map<string, { term: UpdateScatterTerm; count: number; order: number }>();
  for (const term of terms) {
    for (const idx of indexes) {
      if (labelOf(pods[idx], term.key) !== term.value) continue;
      const id = `${term.key}:${term.value}`;
      const entry = counts.get(id);
      if (entry) entry.count++;
      else counts.set(id, { term: { key: term.key, value: term.value }, count: 1, order: counts.size });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order).map((e) => e.term);
}

interface Group {
  groupNum: number;
  matchedGroupSize: number;
  unmatchedGroupSize: number;
  unmatchedRemainder: number;
}

const goRound = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));
const idiv = (a: number, b: number): number => Math.trunc(a / b);
const f32 = Math.fround;

function newGroup(matched: number, unmatched: number): Group {
  const groupNum = Math.min(matched, unmatched);
  return {
    groupNum,
    matchedGroupSize: goRound(matched / groupNum),
    unmatchedGroupSize: goRound(unmatched / groupNum),
    unmatchedRemainder: 0,
  };
}

function groupByDensity(totalMatched: number, totalUnmatched: number, updMatched: number, updUnmatched: number): Group {
  const totalGroup = newGroup(totalMatched, totalUnmatched);
  const updateGroup = newGroup(updMatched, updUnmatched);
  if (f32(f32(totalUnmatched) / f32(totalMatched)) >= f32(f32(updUnmatched) / f32(updMatched))) return updateGroup;
  const g: Group = { ...totalGroup, groupNum: 0, unmatchedRemainder: 0 };
  g.groupNum =
    idiv(updMatched, g.matchedGroupSize) < idiv(updUnmatched, g.unmatchedGroupSize)
      ? idiv(updMatched, g.matchedGroupSize)
      : idiv(updUnmatched, g.unmatchedGroupSize);
  g.unmatchedRemainder = updUnmatched - g.groupNum * g.unmatchedGroupSize;
  return g;
}

/** scatterPodsByRule for one term. */
function scatterByTerm(term: UpdateScatterTerm, pods: readonly Pod[], indexes: readonly number[]): number[] {
  // Go reads a missing label as "", so here (unlike in termsByFrequency) absence equals an empty value.
  const hit = (p: Pod | undefined) => (labelOf(p, term.key) ?? '') === term.value;
  let matched = indexes.filter((i) => hit(pods[i]));
  let unmatched = indexes.filter((i) => !hit(pods[i]));
  if (matched.length <= 1 || unmatched.length <= 1) return [...indexes];
  let totalMatched = pods.filter(hit).length;
  const totalUnmatched = pods.length - totalMatched;
  const last = matched[matched.length - 1] as number;
  matched = matched.slice(0, -1);
  totalMatched--;
  const g = groupByDensity(totalMatched, totalUnmatched, matched.length, unmatched.length);
  const out: number[] = [];
  if (g.unmatchedRemainder > 0) {
    out.push(...unmatched.slice(0, g.unmatchedRemainder));
    unmatched = unmatched.slice(g.unmatchedRemainder);
  }
  const take = (src: number[], size: number): number[] => {
    if (src.length === 0) return src;
    if (src.length < size) {
      out.push(...src);
      return [];
    }
    out.push(...src.slice(0, size));
    return src.slice(size);
  };
  for (let i = 0; i < g.groupNum; i++) {
    matched = take(matched, g.matchedGroupSize);
    unmatched = take(unmatched, g.unmatchedGroupSize);
  }
  out.push(...matched, ...unmatched, last);
  return out;
}

/** Sort `indexes` (into `pods`, the matched pods) by the SidecarSet's scatterStrategy. */
export function scatterSort(terms: readonly UpdateScatterTerm[], pods: readonly Pod[], indexes: readonly number[]): number[] {
  const expanded = expandScatterTerms(terms, pods);
  if (expanded.length === 0 || indexes.length <= 1) return [...indexes];
  let out = [...indexes];
  for (const term of termsByFrequency(expanded, pods, out)) out = scatterByTerm(term, pods, out);
  return out;
}
