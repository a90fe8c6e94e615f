import { ShellSyntaxError, tokenize, type Token, type WordToken } from './lexer';

/** The hook shell's syntax tree: simple commands joined by `;`, `&&`, `||`, `|`, `!`, plus if/while/until/for. */
export type ShellNode =
  | { t: 'cmd'; words: WordToken[] }
  | { t: 'not'; body: ShellNode }
  | { t: 'and' | 'or'; left: ShellNode; right: ShellNode }
  | { t: 'seq'; items: ShellNode[] }
  | { t: 'pipe'; items: ShellNode[] }
  | { t: 'if'; clauses: Array<{ cond: ShellNode; body: ShellNode }>; otherwise?: ShellNode }
  | { t: 'loop'; until: boolean; cond: ShellNode; body: ShellNode }
  | { t: 'for'; name: string; items: WordToken[]; body: ShellNode };

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'for', 'in']);

export function parseScript(src: string): ShellNode {
  const p = new Parser(tokenize(src));
  const node = p.list([]);
  p.expectEnd();
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private keyword(): string | undefined {
    const t = this.peek();
    if (t?.t !== 'word') return undefined;
    const only = t.parts.length === 1 ? t.parts[0] : undefined;
    return only && only.kind === 'lit' && !only.quoted && KEYWORDS.has(only.text) ? only.text : undefined;
  }

  private skipSeparators(): void {
    for (let t = this.peek(); t?.t === 'op' && (t.v === ';' || t.v === '\n' || t.v === '&'); t = this.peek()) this.i++;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t) throw new ShellSyntaxError(`syntax error: unexpected "${t.t === 'op' ? t.v : t.raw}"`);
  }

  private expectKeyword(k: string): void {
    if (this.keyword() !== k) {
      const t = this.peek();
      const got = t === undefined ? 'end of file' : `"${t.t === 'op' ? t.v : t.raw}"`;
      throw new ShellSyntaxError(`syntax error: unexpected ${got} (expecting "${k}")`);
    }
    this.i++;
  }

  /** Commands separated by `;`/newline until one of `stops` (a keyword) or the end. */
  list(stops: string[]): ShellNode {
    const items: ShellNode[] = [];
    this.skipSeparators();
    while (this.peek() !== undefined) {
      const k = this.keyword();
      if (k !== undefined && stops.includes(k)) break;
      items.push(this.andOr());
      this.skipSeparators();
    }
    if (items.length === 1 && items[0]) return items[0];
    return { t: 'seq', items };
  }

  private andOr(): ShellNode {
    let left = this.pipeline();
    for (let t = this.peek(); t?.t === 'op' && (t.v === '&&' || t.v === '||'); t = this.peek()) {
      this.i++;
      while (this.peek()?.t === 'op' && (this.peek() as { v: string }).v === '\n') this.i++;
      const right = this.pipeline();
      left = { t: t.v === '&&' ? 'and' : 'or', left, right };
    }
    return left;
  }

  private pipeline(): ShellNode {
    let negate = false;
    const t = this.peek();
    if (t?.t === 'word' && t.raw === '!') {
      negate = true;
      this.i++;
    }
    const items = [this.command()];
    for (let n = this.peek(); n?.t === 'op' && n.v === '|'; n = this.peek()) {
      this.i++;
      items.push(this.command());
    }
    const body: ShellNode = items.length === 1 && items[0] ? items[0] : { t: 'pipe', items };
    return negate ? { t: 'not', body } : body;
  }

  private command(): ShellNode {
    const k = this.keyword();
    if (k === 'if') return this.ifClause();
    if (k === 'while' || k === 'until') return this.loop(k === 'until');
    if (k === 'for') return this.forClause();
    if (k !== undefined) throw new ShellSyntaxError(`syntax error: unexpected "${k}"`);
    const words: WordToken[] = [];
    for (let t = this.peek(); t?.t === 'word'; t = this.peek()) {
      words.push(t);
      this.i++;
    }
    if (words.length === 0) {
      const t = this.peek();
      throw new ShellSyntaxError(`syntax error: unexpected ${t ? `"${t.t === 'op' ? t.v : t.raw}"` : 'end of file'}`);
    }
    return { t: 'cmd', words };
  }

  private ifClause(): ShellNode {
    this.expectKeyword('if');
    const clauses: Array<{ cond: ShellNode; body: ShellNode }> = [];
    let cond = this.list(['then']);
    this.expectKeyword('then');
    let body = this.list(['elif', 'else', 'fi']);
    clauses.push({ cond, body });
    let otherwise: ShellNode | undefined;
    for (;;) {
      const k = this.keyword();
      if (k === 'elif') {
        this.i++;
        cond = this.list(['then']);
        this.expectKeyword('then');
        body = this.list(['elif', 'else', 'fi']);
        clauses.push({ cond, body });
      } else if (k === 'else') {
        this.i++;
        otherwise = this.list(['fi']);
      } else break;
    }
    this.expectKeyword('fi');
    return { t: 'if', clauses, ...(otherwise ? { otherwise } : {}) };
  }

  private loop(until: boolean): ShellNode {
    this.i++;
    const cond = this.list(['do']);
    this.expectKeyword('do');
    const body = this.list(['done']);
    this.expectKeyword('done');
    return { t: 'loop', until, cond, body };
  }

  private forClause(): ShellNode {
    this.i++;
    const nameTok = this.peek();
    if (nameTok?.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) throw new ShellSyntaxError('syntax error: bad for loop variable');
    this.i++;
    const items: WordToken[] = [];
    if (this.keyword() === 'in') {
      this.i++;
      for (let t = this.peek(); t?.t === 'word' && this.keyword() !== 'do'; t = this.peek()) {
        items.push(t);
        this.i++;
      }
    }
    this.skipSeparators();
    this.expectKeyword('do');
    const body = this.list(['done']);
    this.expectKeyword('done');
    return { t: 'for', name: nameTok.raw, items, body };
  }
}
