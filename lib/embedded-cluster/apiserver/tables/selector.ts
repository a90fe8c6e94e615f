/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v` for matchLabels,
 * `k in (a,b)` / `k notin (a,b)` / `k` / `!k` for expressions, with set values sorted.
 */
import { arr, rec, str } from './types';

export type SelectorText = { ok: true; text: string } | { ok: false };

export function labelSelectorString(selector: unknown): SelectorText {
  if (selector === undefined || selector === null) return { ok: true, text: '' }; // labels.Nothing()
  const sel = rec(selector);
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [key, value] of Object.entries(rec(sel['matchLabels']))) reqs.push({ key, text: `${key}=${str(value)}` });
  for (const e of arr(sel['matchExpressions']).map(rec)) {
    const key = str(e['key']);
    const values = arr(e['values']).map(str);
    const sorted = [...values].sort();
    switch (e['operator']) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return { ok: false };
        reqs.push({ key, text: `${key} ${e['operator'] === 'In' ? 'in' : 'notin'} (${sorted.join(',')})` });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return { ok: false };
        reqs.push({ key, text: e['operator'] === 'Exists' ? key : `!${key}` });
        break;
      default:
        return { ok: false };
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: true, text: reqs.map((r) => r.text).join(',') };
}

/** metav1.FormatLabelSelector: `<none>` for an empty result, `<error>` for an invalid selector. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (!s.ok) return '<error>';
  return s.text === '' ? '<none>' : s.text;
}
