import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * metav1.LabelSelector in object form, as SidecarSets, Deployments and namespaceSelectors carry it.
 * Semantics follow apimachinery's LabelSelectorAsSelector: matchLabels AND every matchExpression.
 */
export function isEmptySelector(sel: LabelSelector | undefined | null): boolean {
  if (!sel) return true;
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

export function matchesLabelSelector(sel: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const value = l[e.key];
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Field-level problems in a LabelSelector, with the same details apimachinery's ValidateLabelSelector reports. */
export function validateLabelSelector(sel: LabelSelector, path: string): Array<{ field: string; message: string }> {
  const errs: Array<{ field: string; message: string }> = [];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!e.key) errs.push({ field: `${p}.key`, message: 'Required value' });
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!e.values || e.values.length === 0) {
          errs.push({ field: `${p}.values`, message: 'Required value: must be specified when `operator` is \'In\' or \'NotIn\'' });
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (e.values && e.values.length > 0) {
          errs.push({ field: `${p}.values`, message: 'Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'' });
        }
        break;
      default:
        errs.push({ field: `${p}.operator`, message: `Invalid value: "${e.operator}": not a valid selector operator` });
    }
  });
  return errs;
}
