/**
 * Go fmt renderings of the few values Kruise's validation puts into error messages (`%#v` of structs and
 * maps, `%+v` of the update strategy). Only these shapes are covered; pointers print as (*T)(nil) when nil
 * and as a fixed fake address otherwise, since a real address is not reproducible anyway.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type { GoRendered } from './field-errors';
import type { IntOrString, SidecarSetInjectRevision, SidecarSetUpdateStrategy, UpdatePriorityStrategy } from './types';

const FAKE_ADDRESS = '0xc000000000';
const q = (s: string): string => JSON.stringify(s);
const sortedKeys = (m: Record<string, string>): string[] => Object.keys(m).sort();

/** `%#v` of map[string]string (fmt sorts map keys). */
export function goSyntaxStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined) return 'map[string]string(nil)';
  return `map[string]string{${sortedKeys(m).map((k) => `${q(k)}:${q(m[k] ?? '')}`).join(', ')}}`;
}

function goSyntaxStringSlice(s: string[] | undefined): string {
  return s === undefined ? '[]string(nil)' : `[]string{${s.map(q).join(', ')}}`;
}

function goSyntaxRequirement(r: LabelSelectorRequirement): string {
  return `v1.LabelSelectorRequirement{Key:${q(r.key)}, Operator:${q(r.operator)}, Values:${goSyntaxStringSlice(r.values)}}`;
}

/** `%#v` of a metav1.LabelSelector value. */
export function goSyntaxLabelSelector(sel: LabelSelector): GoRendered {
  const exprs = sel.matchExpressions === undefined
    ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(goSyntaxRequirement).join(', ')}}`;
  return { goText: `v1.LabelSelector{MatchLabels:${goSyntaxStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}` };
}

/** `%#v` of a struct with a single string field, e.g. v1beta1.ShareVolumePolicy{Type:"x"}. */
export function goSyntaxStruct(typeName: string, fields: Record<string, string | undefined>): GoRendered {
  const body = Object.entries(fields).map(([k, v]) => `${k}:${q(v ?? '')}`).join(', ');
  return { goText: `${typeName}{${body}}` };
}

const ptrString = (v: string | undefined): string => (v === undefined ? '(*string)(nil)' : `(*string)(${FAKE_ADDRESS})`);

/** `%#v` of v1beta1.SidecarSetInjectRevision (its pointer fields cannot print their values). */
export function goSyntaxInjectRevision(r: SidecarSetInjectRevision): GoRendered {
  return {
    goText: `v1beta1.SidecarSetInjectRevision{CustomVersion:${ptrString(r.customVersion)}, ` +
      `RevisionName:${ptrString(r.revisionName)}, Policy:${q(r.policy ?? '')}}`,
  };
}

/** The gogo-protobuf String() of *metav1.LabelSelector, which `%v` uses for nested selectors. */
function labelSelectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '<nil>';
  const labels = sel.matchLabels ?? {};
  const ml = sortedKeys(labels).map((k) => `${k}: ${labels[k] ?? ''},`).join('');
  const me = (sel.matchExpressions ?? [])
    .map((r) => `LabelSelectorRequirement{Key:${r.key},Operator:${r.operator},Values:[${(r.values ?? []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${ml}},MatchExpressions:[]LabelSelectorRequirement{${me}},}`;
}

/** `%+v` of a map[string]string value: `map[k:v k2:v2]`, keys sorted. */
const plusVMap = (m: Record<string, string> | undefined): string =>
  `map[${sortedKeys(m ?? {}).map((k) => `${k}:${m?.[k] ?? ''}`).join(' ')}]`;

/** `%+v` of *UpdatePriorityStrategy; nested LabelSelector values have no String() method, so print as structs. */
function plusVPriority(p: UpdatePriorityStrategy): string {
  const order = (p.orderPriority ?? []).map((o) => `{OrderedKey:${o.orderedKey}}`).join(' ');
  const weight = (p.weightPriority ?? []).map((w) => {
    const exprs = (w.matchSelector?.matchExpressions ?? [])
      .map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ');
    return `{Weight:${w.weight} MatchSelector:{MatchLabels:${plusVMap(w.matchSelector?.matchLabels)} MatchExpressions:[${exprs}]}}`;
  }).join(' ');
  return `&{OrderPriority:[${order}] WeightPriority:[${weight}]}`;
}

const intOrStringPtr = (v: IntOrString | undefined): string => (v === undefined ? '<nil>' : String(v));

/** `fmt.Sprintf("%++v", strategy)` for *SidecarSetUpdateStrategy (handler.go:265). */
export function goPlusVUpdateStrategy(s: SidecarSetUpdateStrategy): string {
  const priority = s.priorityStrategy ? plusVPriority(s.priorityStrategy) : '<nil>';
  const scatter = `[${(s.scatterStrategy ?? []).map((t) => `{Key:${t.key} Value:${t.value}}`).join(' ')}]`;
  return `&{Type:${s.type ?? ''} Paused:${s.paused === true} Selector:${labelSelectorString(s.selector)} ` +
    `Partition:${intOrStringPtr(s.partition)} MaxUnavailable:${intOrStringPtr(s.maxUnavailable)} ` +
    `PriorityStrategy:${priority} ScatterStrategy:${scatter}}`;
}
