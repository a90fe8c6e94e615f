/** Annotation values are user-editable strings: parse them without ever throwing. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parsed values by source text. The same annotation strings are read many times per pod (and are often
 * identical across pods), so parsing once pays off in views over thousands of pods. Callers never mutate or
 * expose what they get from here (every reader copies into its own result), which keeps sharing safe.
 */
const parsed = new Map<string, unknown>();
const PARSED_MAX = 4096;

export function parseJson(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (parsed.has(raw)) return parsed.get(raw);
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    value = undefined;
  }
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(raw, value);
  return value;
}

export function parseJsonObject(raw: string | undefined): JsonObject | undefined {
  const v = parseJson(raw);
  return isObject(v) ? v : undefined;
}

export function stringField(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}
