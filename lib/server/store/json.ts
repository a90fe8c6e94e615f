// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { StoreInputError, type JsonValue } from './types';

const MAX_DEPTH = 64;

function check(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new StoreInputError(`${path}: nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    // JSON.stringify would silently store NaN and Infinity as null.
    if (!Number.isFinite(value)) throw new StoreInputError(`${path}: ${value} is not a JSON number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v === undefined) throw new StoreInputError(`${path}[${i}]: undefined is not JSON`);
      check(v, `${path}[${i}]`, depth + 1);
    });
    return;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new StoreInputError(`${path}: not a plain object`);
    for (const [k, v] of Object.entries(value)) {
      // An optional field set to undefined is simply absent in JSON, as the caller's types mean it.
      if (v !== undefined) check(v, `${path}.${k}`, depth + 1);
    }
    return;
  }
  throw new StoreInputError(`${path}: a ${typeof value} is not JSON`);
}

/** The value as JSON text, refusing anything JSON.stringify would change or drop (NaN, Dates, functions). */
export function jsonText(value: unknown, path: string): string {
  check(value, path, 0);
  return JSON.stringify(value);
}

export function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

/** Rough per-row cost beyond its text (keys, indexes, page slack), for the size budget. */
export const ROW_OVERHEAD_BYTES = 64;

export function byteLength(...texts: string[]): number {
  let n = 0;
  for (const t of texts) n += Buffer.byteLength(t, 'utf8');
  return n;
}
