/**
 * metav1.LabelSelector semantics as apimachinery's LabelSelectorAsSelector defines them, because Kruise evaluates
 * spec.selector, namespaceSelector, updateStrategy.selector and priority selectors through it:
 * - an empty selector `{}` matches everything (callers decide what nil means: Kruise treats nil differently per field);
 * - a selector apimachinery would reject (bad operator, bad key/value, In without values) matches nothing, just as
 *   Kruise's `if err != nil { return false }` paths do.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { isDns1123Subdomain } from './names';

export type Labels = Readonly<Record<string, string>>;

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** validation.IsQualifiedName, the rule for label keys. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) return `label key "${key}": prefix part must be non-empty`;
    if (!isDns1123Subdomain(prefix)) {
      return `label key "${key}": prefix part must be a lowercase RFC 1123 subdomain`;
    }
  } else if (parts.length > 2) {
    return `label key "${key}": a qualified name may contain at most one '/'`;
  }
  if (name.length === 0) return `label key "${key}": name part must be non-empty`;
  if (name.length > 63) return `label key "${key}": name part must be no more than 63 characters`;
  if (!NAME_PART.test(name)) {
    return `label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/** validation.IsValidLabelValue. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `label value "${value}": must be no more than 63 characters`;
  if (!NAME_PART.test(value)) {
    return `label value "${value}": must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

function requirementProblems(r: LabelSelectorRequirement): string[] {
  const problems: string[] = [];
  const keyProblem = labelKeyProblem(r.key);
  if (keyProblem) problems.push(keyProblem);
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) problems.push(`${r.key}: for 'in', 'notin' operators, values set can't be empty`);
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) problems.push(`${r.key}: values set must be empty for exists and does not exist`);
      break;
    default:
      problems.push(`"${r.operator}" is not a valid label selector operator`);
  }
  for (const v of values) {
    const p = labelValueProblem(v);
    if (p) problems.push(p);
  }
  return problems;
}

/** Why apimachinery would refuse to turn this selector into a labels.Selector; empty when it is fine. */
export function labelSelectorProblems(sel: LabelSelector): string[] {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    const kp = labelKeyProblem(k);
    if (kp) problems.push(kp);
    const vp = labelValueProblem(v);
    if (vp) problems.push(vp);
  }
  for (const r of sel.matchExpressions ?? []) problems.push(...requirementProblems(r));
  return problems;
}

/** No requirements at all (nil or `{}`): Kruise's `selector.Empty()`. */
export function isEmptyLabelSelector(sel: LabelSelector | null | undefined): boolean {
  if (!sel) return true;
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

function requirementMatches(r: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** `{}` matches every label set; an invalid selector matches none. */
export function labelSelectorMatches(sel: LabelSelector, labels: Labels | null | undefined): boolean {
  if (labelSelectorProblems(sel).length > 0) return false;
  const l: Labels = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (!Object.hasOwn(l, k) || l[k] !== v) return false;
  }
  return (sel.matchExpressions ?? []).every((r) => requirementMatches(r, l));
}

function sortedValues(values: readonly string[]): string {
  return [...values].sort().join(',');
}

function requirementText(r: LabelSelectorRequirement): string {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return `${r.key} in (${sortedValues(values)})`;
    case 'NotIn':
      return `${r.key} notin (${sortedValues(values)})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    default:
      return `${r.key} ${r.operator} (${sortedValues(values)})`;
  }
}

/**
 * metav1.FormatLabelSelector, as kubectl prints selectors: requirements sorted by key, `a=b,c in (x,y),!d`;
 * `<none>` for nil or empty, `<error>` when apimachinery would reject it.
 */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  if (!sel || isEmptyLabelSelector(sel)) return '<none>';
  if (labelSelectorProblems(sel).length > 0) return '<error>';
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const r of sel.matchExpressions ?? []) reqs.push({ key: r.key, text: requirementText(r) });
  // Stable sort by key, as internalSelector.Add sorts ByKey (Go compares bytes; label keys are ASCII).
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}
