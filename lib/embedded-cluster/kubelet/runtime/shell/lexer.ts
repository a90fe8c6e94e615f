/**
 * Tokenizer for the hook shell: POSIX-ish quoting (single, double, backslash), `$VAR`/`${VAR}`/`$?` expansions,
 * operators `&& || ; | !` and newlines, and `#` comments. Enough for the hooks people write in pod specs.
 */

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; fallback?: string };

export interface WordToken {
  t: 'word';
  parts: WordPart[];
  /** The source text, for messages and keyword detection. */
  raw: string;
}

export type Operator = '&&' | '||' | ';' | '\n' | '|' | '&';
export interface OpToken {
  t: 'op';
  v: Operator;
}

export type Token = WordToken | OpToken;

export class ShellSyntaxError extends Error {}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let parts: WordPart[] | null = null;
  let start = 0;

  const lit = (text: string, quoted: boolean): void => {
    if (!parts) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
    else parts.push({ kind: 'lit', text, quoted });
  };
  const begin = (): void => {
    if (!parts) {
      parts = [];
      start = i;
    }
  };
  const end = (): void => {
    if (parts) tokens.push({ t: 'word', parts, raw: src.slice(start, i) });
    parts = null;
  };
  const readVar = (quoted: boolean): void => {
    // at '$'
    const next = src[i + 1];
    if (next === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ShellSyntaxError('syntax error: bad substitution');
      const body = src.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*|\?)(?::-(.*))?$/s.exec(body);
      if (!m || m[1] === undefined) throw new ShellSyntaxError(`syntax error: bad substitution`);
      parts?.push({ kind: 'var', name: m[1], quoted, ...(m[2] !== undefined ? { fallback: m[2] } : {}) });
      i = close + 1;
      return;
    }
    if (next === '?' || next === '$' || next === '#' || (next !== undefined && /[0-9]/.test(next))) {
      parts?.push({ kind: 'var', name: next, quoted });
      i += 2;
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < src.length && NAME_CHAR.test(src[j] ?? '')) j++;
      parts?.push({ kind: 'var', name: src.slice(i + 1, j), quoted });
      i = j;
      return;
    }
    lit('$', quoted);
    i++;
  };

  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === ' ' || c === '\t') {
      end();
      i++;
    } else if (c === '\n' || c === ';') {
      end();
      tokens.push({ t: 'op', v: c === '\n' ? '\n' : ';' });
      i++;
    } else if (c === '&' || c === '|') {
      end();
      if (src[i + 1] === c) {
        tokens.push({ t: 'op', v: c === '&' ? '&&' : '||' });
        i += 2;
      } else {
        tokens.push({ t: 'op', v: c });
        i++;
      }
    } else if (c === '#' && !parts) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === "'") {
      begin();
      const close = src.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      lit(src.slice(i + 1, close), true);
      i = close + 1;
    } else if (c === '"') {
      begin();
      i++;
      lit('', true);
      for (;;) {
        const d = src[i];
        if (d === undefined) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\' && i + 1 < src.length && '"\\$`\n'.includes(src[i + 1] ?? '')) {
          lit(src[i + 1] ?? '', true);
          i += 2;
        } else if (d === '$') {
          readVar(true);
        } else {
          lit(d, true);
          i++;
        }
      }
    } else if (c === '\\') {
      begin();
      if (src[i + 1] === '\n') i += 2;
      else {
        lit(src[i + 1] ?? '', true);
        i += 2;
      }
    } else if (c === '$') {
      begin();
      readVar(false);
    } else {
      begin();
      lit(c, false);
      i++;
    }
  }
  end();
  return tokens;
}
