import { badRequest } from './errors';

/**
 * The `fieldSelector` query parameter with k8s.io/apimachinery/pkg/fields semantics: terms `f=v`, `f==v`,
 * `f!=v` joined by commas (AND). Nothing is trimmed; `\,` `\=` `\\` escape inside values. A field the kind does
 * not support is refused by the kind's `resolve` (see field-selectors.ts), as the apiserver's conversion does.
 */

export interface FieldSupport {
  readonly kind: string;
  readonly fields: readonly string[];
  /** The canonical name of a selectable field; throws ApiError 400 when the kind does not support it. */
  resolve(label: string): string;
  /** The field's value on an object, "" when absent. */
  get(obj: unknown, field: string): string;
}

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export interface FieldSelectorQuery {
  readonly empty: boolean;
  /** In the order kube evaluates them (terms sorted as strings). */
  readonly requirements: readonly FieldRequirement[];
  matches(obj: unknown): boolean;
  /** The value an `=` term pins the field to, for index lookups such as pods by `spec.nodeName`. */
  exactValue(field: string): string | undefined;
}

/** Commas split terms unless escaped; the backslash stays for unescapeValue to judge. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charAt(i);
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** The first operator occurrence splits the term; `!=` and `==` are tried before `=` at each position. */
function splitTerm(term: string): { lhs: string; op: '!=' | '==' | '='; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function unescapeValue(s: string): string {
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the offending rune as its code point.
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Escapes a literal for use as a field selector value (fields.EscapeValue). */
export function escapeFieldValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parseFieldSelector(selector: string, support: FieldSupport): FieldSelectorQuery {
  const parsed: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort(byCodeUnit)) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    parsed.push({ field: t.lhs, operator: t.op === '!=' ? '!=' : '=', value: unescapeValue(t.rhs) });
  }
  // Only after every term parsed does kube map labels through the kind's conversion func.
  const requirements = parsed.map((r) => ({ ...r, field: support.resolve(r.field) }));
  return {
    empty: requirements.length === 0,
    requirements,
    matches(obj: unknown): boolean {
      return requirements.every((r) => (support.get(obj, r.field) === r.value) === (r.operator === '='));
    },
    exactValue(field: string): string | undefined {
      return requirements.find((r) => r.field === field && r.operator === '=')?.value;
    },
  };
}
