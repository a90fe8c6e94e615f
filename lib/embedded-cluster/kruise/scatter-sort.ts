/**
 * Scatter sort (pkg/util/updatesort/scatter_sort.go, behaviour ported as is): for each term, from the most
 * to the least frequent, interleave pods carrying key=value evenly among the others and put the last
 * matching pod at the very end, so one batch never takes all pods of a zone/rack/etc.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { UpdateScatterTerm } from './types';

interface ScatterGroup {
  groupNum: number;
  matchedGroupSize: number;
  unmatchedGroupSize: number;
  unmatchedRemainder: number;
}

const labelOf = (pod: Pod | undefined, key: string): string | undefined => pod?.metadata?.labels?.[key];
/** Go compares `pods[i].Labels[key] == value`, so a missing label equals an empty value. */
const matches = (pod: Pod | undefined, t: UpdateScatterTerm): boolean => (labelOf(pod, t.key) ?? '') === t.value;

function newScatterGroup(matched: number, unmatched: number): ScatterGroup {
  const groupNum = Math.min(matched, unmatched);
  return {
    groupNum,
    matchedGroupSize: Math.round(matched / groupNum),
    unmatchedGroupSize: Math.round(unmatched / groupNum),
    unmatchedRemainder: 0,
  };
}

function calculateGroupByDensity(totalMatched: number, totalUnmatched: number, updateMatched: number, updateUnmatched: number): ScatterGroup {
  const totalGroup = newScatterGroup(totalMatched, totalUnmatched);
  const updateGroup = newScatterGroup(updateMatched, updateUnmatched);
  // Go compares float32 ratios here.
  if (Math.fround(totalUnmatched / totalMatched) >= Math.fround(updateUnmatched / updateMatched)) return updateGroup;
  const g: ScatterGroup = {
    groupNum: 0,
    matchedGroupSize: totalGroup.matchedGroupSize,
    unmatchedGroupSize: totalGroup.unmatchedGroupSize,
    unmatchedRemainder: 0,
  };
  const byMatched = Math.trunc(updateMatched / g.matchedGroupSize);
  const byUnmatched = Math.trunc(updateUnmatched / g.unmatchedGroupSize);
  g.groupNum = byMatched < byUnmatched ? byMatched : byUnmatched;
  g.unmatchedRemainder = updateUnmatched - g.groupNum * g.unmatchedGroupSize;
  return g;
}

function migrate(src: number[], dst: number[], size: number): number[] {
  if (src.length === 0) return src;
  if (src.length < size) {
    dst.push(...src);
    return [];
  }
  dst.push(...src.slice(0, size));
  return src.slice(size);
}

function scatterByTerm(term: UpdateScatterTerm, pods: readonly Pod[], indexes: number[]): number[] {
  let matched = indexes.filter((i) => matches(pods[i], term));
  let unmatched = indexes.filter((i) => !matches(pods[i], term));
  if (matched.length <= 1 || unmatched.length <= 1) return indexes;
  let totalMatched = pods.filter((p) => matches(p, term)).length;
  const totalUnmatched = pods.length - totalMatched;
  const last = matched[matched.length - 1] as number;
  matched = matched.slice(0, -1);
  totalMatched -= 1;
  const group = calculateGroupByDensity(totalMatched, totalUnmatched, matched.length, unmatched.length);
  const out: number[] = [];
  if (group.unmatchedRemainder > 0) {
    out.push(...unmatched.slice(0, group.unmatchedRemainder));
    unmatched = unmatched.slice(group.unmatchedRemainder);
  }
  for (let i = 0; i < group.groupNum; i++) {
    matched = migrate(matched, out, group.matchedGroupSize);
    unmatched = migrate(unmatched, out, group.unmatchedGroupSize);
  }
  out.push(...matched, ...unmatched, last);
  return out;
}

/** Terms ordered by how many of the waiting pods they match, most first (ties keep their order). */
function orderedTerms(terms: readonly UpdateScatterTerm[], pods: readonly Pod[], indexes: number[]): UpdateScatterTerm[] {
  if (terms.length === 1) return [...terms];
  const counts = new Map<string, number>();
  const found: UpdateScatterTerm[] = [];
  for (const term of terms) {
    for (const i of indexes) {
      const v = labelOf(pods[i], term.key);
      if (v === undefined || v !== term.value) continue;
      const id = `${term.key}:${v}`;
      if (!counts.has(id)) found.push({ key: term.key, value: v });
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const countOf = (t: UpdateScatterTerm): number => counts.get(`${t.key}:${t.value}`) ?? 0;
  return [...found].sort((a, b) => countOf(b) - countOf(a));
}

export function scatterSort(terms: readonly UpdateScatterTerm[], pods: readonly Pod[], indexes: number[]): number[] {
  if (terms.length === 0 || indexes.length <= 1) return indexes;
  let out = indexes;
  for (const term of orderedTerms(terms, pods, indexes)) out = scatterByTerm(term, pods, out);
  return out;
}
