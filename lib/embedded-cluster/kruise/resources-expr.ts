/**
 * A checker for resourcesPolicy expressions (pkg/util/calculator grammar: + - * /, unary minus, parentheses,
 * max(a,b), min(a,b), numbers, percentages, quantities like 50m or 1Gi, and the variable cpu or memory).
 * Validation evaluates with the variable bound to the number 1, as Kruise does, so the same semantic errors
 * (undefined variable, division by zero, negative result, quantity*quantity) are reported. Error texts
 * follow the calculator's where it has one; parse errors are summarised.
 */
import { quantityValue } from './quantity';

interface Val {
  quantity: boolean;
  n: number;
}

type Token = { t: 'num' | 'qty' | 'ident' | 'op'; s: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)(%|[a-zA-Z]+)?|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),]))/y;
  let pos = 0;
  while (pos < input.length) {
    if (/^\s*$/.test(input.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(input);
    if (!m) throw new Error(`parse error: syntax error at col ${pos + 1}`);
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push(m[2] && m[2] !== '%' ? { t: 'qty', s: m[1] + m[2] } : { t: 'num', s: m[1] + (m[2] ?? '') });
    else if (m[3] !== undefined) tokens.push({ t: 'ident', s: m[3] });
    else tokens.push({ t: 'op', s: m[4] ?? '' });
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly variable: string) {}

  parse(): Val {
    const v = this.expr();
    if (this.i !== this.tokens.length) throw new Error('parse error: syntax error');
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private eat(s: string): boolean {
    if (this.peek()?.t === 'op' && this.peek()?.s === s) {
      this.i++;
      return true;
    }
    return false;
  }

  private expr(): Val {
    let v = this.term();
    for (;;) {
      if (this.eat('+')) v = add(v, this.term(), 1);
      else if (this.eat('-')) v = add(v, this.term(), -1);
      else return v;
    }
  }

  private term(): Val {
    let v = this.unary();
    for (;;) {
      if (this.eat('*')) {
        const r = this.unary();
        if (v.quantity && r.quantity) throw new Error('multiplication of two quantities');
        v = { quantity: v.quantity || r.quantity, n: v.n * r.n };
      } else if (this.eat('/')) {
        const r = this.unary();
        if (r.quantity) throw new Error('division by quantity');
        if (r.n === 0) throw new Error('division by zero');
        v = { quantity: v.quantity, n: v.n / r.n };
      } else return v;
    }
  }

  private unary(): Val {
    if (this.eat('-')) {
      const v = this.unary();
      return { ...v, n: -v.n };
    }
    return this.factor();
  }

  private factor(): Val {
    const tok = this.tokens[this.i++];
    if (!tok) throw new Error('parse error: syntax error');
    if (tok.t === 'num') return { quantity: false, n: tok.s.endsWith('%') ? Number(tok.s.slice(0, -1)) / 100 : Number(tok.s) };
    if (tok.t === 'qty') {
      const n = quantityValue(tok.s);
      if (n === undefined) throw new Error("unable to parse quantity's suffix");
      return { quantity: true, n };
    }
    if (tok.t === 'ident') {
      const name = tok.s.toLowerCase();
      if (name === 'max' || name === 'min') return this.call(name);
      if (name !== this.variable) throw new Error(`undefined variable: ${tok.s}`);
      return { quantity: false, n: 1 };
    }
    if (tok.s === '(') {
      const v = this.expr();
      if (!this.eat(')')) throw new Error('parse error: syntax error');
      return v;
    }
    throw new Error('parse error: syntax error');
  }

  private call(name: string): Val {
    if (!this.eat('(')) throw new Error('parse error: syntax error');
    const args: Val[] = [];
    if (!this.eat(')')) {
      do args.push(this.expr());
      while (this.eat(','));
      if (!this.eat(')')) throw new Error('parse error: syntax error');
    }
    if (args.length !== 2) throw new Error(`${name} function requires exactly 2 arguments, got ${args.length}`);
    const [a, b] = args as [Val, Val];
    return { quantity: a.quantity || b.quantity, n: name === 'max' ? Math.max(a.n, b.n) : Math.min(a.n, b.n) };
  }
}

function add(a: Val, b: Val, sign: 1 | -1): Val {
  return { quantity: a.quantity || b.quantity, n: a.n + sign * b.n };
}

/** Returns the calculator's error message for `expr`, or undefined when it is valid. */
export function resourceExpressionError(expr: string, variable: 'cpu' | 'memory'): string | undefined {
  try {
    const v = new Parser(tokenize(expr), variable).parse();
    if (v.n < 0) return `calculation result is negative: ${v.n}`;
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
