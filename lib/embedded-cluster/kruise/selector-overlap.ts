/**
 * util.IsSelectorOverlapping (pkg/util/selector.go): a conservative "may these two selectors select a common
 * object" used to decide which other SidecarSets can conflict with a new one. Only a provable contradiction
 * on a shared key makes them disjoint; `a=b` and `c=d` overlap.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

const ALL = 'ALL';

/** True when selector2 contradicts what selector1 requires on some key. */
function isDisjoint(s1: LabelSelector, s2: LabelSelector): boolean {
  const required = new Map<string, string[]>();
  for (const [k, v] of Object.entries(s1.matchLabels ?? {})) required.set(k, [v]);
  for (const r of s1.matchExpressions ?? []) {
    if (r.operator === 'In') required.set(r.key, [...(required.get(r.key) ?? []), ...(r.values ?? [])]);
    else if (r.operator === 'Exists') required.set(r.key, [ALL]);
  }
  for (const [k, v] of Object.entries(s2.matchLabels ?? {})) {
    const values = required.get(k);
    if (values && !values.includes(ALL) && !values.includes(v)) return true;
  }
  for (const r of s2.matchExpressions ?? []) {
    const values = required.get(r.key);
    const rv = r.values ?? [];
    switch (r.operator) {
      case 'In':
        if (values && !values.includes(ALL) && !values.some((v) => rv.includes(v))) return true;
        break;
      case 'NotIn':
        if (values && values.every((v) => rv.includes(v))) return true;
        break;
      case 'Exists':
        if (!values) return true;
        break;
      case 'DoesNotExist':
        if (values) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

export function isSelectorOverlapping(s1: LabelSelector | undefined, s2: LabelSelector | undefined): boolean {
  const a = s1 ?? {};
  const b = s2 ?? {};
  return !(isDisjoint(a, b) || isDisjoint(b, a));
}
