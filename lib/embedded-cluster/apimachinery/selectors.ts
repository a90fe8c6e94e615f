import { aggregate, badRequest } from './errors';
import { formatBadValue } from './field-errors';
import { isLabelValue, isQualifiedName } from './validation';

/**
 * The `labelSelector` query parameter, parsed with k8s.io/apimachinery/pkg/labels semantics and error texts:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, and the integer comparisons `a>1`, `a<1`
 * (supported, as kube-apiserver does), comma meaning AND. Failures are 400 BadRequest with the parser's message.
 */

export type LabelOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Sorted and de-duplicated, as sets.String.List() yields them. */
  readonly values: readonly string[];
}

export interface LabelSelectorQuery {
  readonly empty: boolean;
  /** Sorted by key, as labels.Parse sorts them. */
  readonly requirements: readonly LabelRequirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

interface Item {
  tok: Tok;
  lit: string;
}

const SYMBOLS: ReadonlyMap<string, Tok> = new Map<string, Tok>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
  ['!=', '!='],
  ['(', '('],
]);

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecial(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s.charAt(pos))) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    const start = pos;
    if (isSpecial(s.charAt(pos))) {
      // Longest run of symbols that is still an operator: `!=` beats `!`, and `=(` stops after `=`.
      let best: Item | undefined;
      let bestEnd = pos;
      while (pos < s.length && isSpecial(s.charAt(pos))) {
        pos++;
        const tok = SYMBOLS.get(s.slice(start, pos));
        if (tok) {
          best = { tok, lit: s.slice(start, pos) };
          bestEnd = pos;
        } else if (best) {
          break;
        }
      }
      if (!best) {
        items.push({ tok: 'error', lit: `error expected: keyword found '${s.slice(start, pos)}'` });
        continue;
      }
      pos = bestEnd;
      items.push(best);
      continue;
    }
    while (pos < s.length && !isSpecial(s.charAt(pos)) && !isWhitespace(s.charAt(pos))) pos++;
    const word = s.slice(start, pos);
    items.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', lit: word });
  }
}

class ParseError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly items: readonly Item[]) {}

  /** In value position the keywords `in`/`notin` are ordinary identifiers (`a in (in)`). */
  private peek(valueContext: boolean): Item {
    const it = this.items[this.pos] ?? { tok: 'eos', lit: '' };
    return valueContext && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  private next(valueContext: boolean): Item {
    const it = this.peek(valueContext);
    this.pos++;
    return it;
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek(true);
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!') throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const sep = this.next(true);
      if (sep.tok === 'eos') return reqs;
      if (sep.tok !== ',') throw new ParseError(`found '${sep.lit}', expected: ',' or 'end of string'`);
      const after = this.peek(true);
      if (after.tok !== 'id' && after.tok !== '!') throw new ParseError(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let negated = false;
    let item = this.next(true);
    if (item.tok === '!') {
      negated = true;
      item = this.next(true);
    }
    if (item.tok !== 'id') throw new ParseError(`found '${item.lit}', expected: identifier`);
    const key = item.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length > 0) throw new ParseError(`<nil>: Invalid value: ${formatBadValue(key)}: ${keyErrs.join('; ')}`);
    const ahead = this.peek(true).tok;
    if (negated) return build(key, '!', []);
    if (ahead === 'eos' || ahead === ',') return build(key, 'exists', []);

    const op = this.next(false);
    let operator: LabelOperator;
    switch (op.tok) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        operator = op.tok;
        break;
      case '>':
        operator = 'gt';
        break;
      case '<':
        operator = 'lt';
        break;
      default:
        throw new ParseError(`found '${op.lit}', expected: ${BINARY_OPERATORS}`);
    }
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : this.exactValue();
    return build(key, operator, [...new Set(values)].sort());
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') throw new ParseError(`found '${open.lit}' expected: '('`);
    const first = this.peek(true);
    if (first.tok === ')') {
      this.pos++;
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') throw new ParseError(`found '${first.lit}', expected: ',', ')' or identifier`);
    const values = this.identifierList();
    if (this.next(true).tok !== ')') throw new ParseError(`found '${first.lit}', expected: ')'`);
    return values;
  }

  /** Empty members count as the empty string: `(,a)`, `(a,)` and `(a,,b)` all contain "". */
  private identifierList(): string[] {
    const values: string[] = [];
    for (;;) {
      const it = this.next(true);
      if (it.tok === 'id') {
        values.push(it.lit);
        const after = this.peek(true);
        if (after.tok === ',') continue;
        if (after.tok === ')') return values;
        throw new ParseError(`found '${after.lit}', expected: ',' or ')'`);
      }
      if (it.tok === ',') {
        if (values.length === 0) values.push('');
        const after = this.peek(true).tok;
        if (after === ')') {
          values.push('');
          return values;
        }
        if (after === ',') {
          // Kubernetes 1.32 swallows the second comma here, so `(a,,)` is an error there (1.35 accepts it).
          this.pos++;
          values.push('');
        }
        continue;
      }
      throw new ParseError(`found '${it.lit}', expected: ',', or identifier`);
    }
  }

  private exactValue(): string[] {
    const ahead = this.peek(true).tok;
    if (ahead === 'eos' || ahead === ',') return [''];
    const it = this.next(true);
    if (it.tok === 'id') return [it.lit];
    throw new ParseError(`found '${it.lit}', expected: identifier`);
  }
}

/** NewRequirement's checks, with its field paths (`values`, `values[0][key]`) and aggregate wording. */
function build(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const errs: string[] = [];
  if ((operator === 'in' || operator === 'notin') && values.length === 0) {
    errs.push(`values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`);
  }
  if (operator === 'gt' || operator === 'lt') {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) {
        errs.push(`values[${i}]: Invalid value: ${formatBadValue(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
      }
    });
  }
  values.forEach((v, i) => {
    const valueErrs = isLabelValue(v);
    if (valueErrs.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${formatBadValue(v)}: ${valueErrs.join('; ')}`);
  });
  if (errs.length > 0) throw new ParseError(aggregate(errs));
  return { key, operator, values };
}

function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (value === undefined || !/^[+-]?\d+$/.test(value)) return false;
      const actual = BigInt(value);
      const wanted = BigInt(r.values[0] ?? '0');
      return r.operator === 'gt' ? actual > wanted : actual < wanted;
    }
  }
}

export function parseLabelSelector(selector: string): LabelSelectorQuery {
  let requirements: LabelRequirement[];
  try {
    requirements = new Parser(lex(selector)).parse();
  } catch (e) {
    if (e instanceof ParseError) throw badRequest(e.message);
    throw e;
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    empty: requirements.length === 0,
    requirements,
    matches(labels) {
      const l = labels ?? {};
      return requirements.every((r) => requirementMatches(r, l));
    },
  };
}

export { parseFieldSelector, escapeFieldValue } from './field-selector-query';
export type { FieldSelectorQuery, FieldRequirement, FieldSupport } from './field-selector-query';
export { fieldGetter, fieldSelectorFilter } from './field-selectors';
