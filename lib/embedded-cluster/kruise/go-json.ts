/**
 * A re-implementation of what Go's encoding/json prints for the Kruise and core/v1 structs: struct fields in
 * declaration order, `omitempty` honoured with Go's notion of "empty" (a struct value is never empty, so
 * `resources: {}` always appears), map keys sorted, unknown fields dropped, and HTML-safe string escaping.
 * The SidecarSet hashes and the ControllerRevision data depend on this exact byte sequence.
 */
import { isPlainObject } from '../types';
import { CORE_CONTAINER_STRUCTS } from './go-schema-core';
import { KRUISE_STRUCTS } from './go-schema-kruise';
import { CORE_VOLUME_STRUCTS } from './go-schema-volume';
import { canonicalQuantity } from './quantity';

interface Field {
  json: string;
  type: string;
  omitempty: boolean;
}

const SOURCES: Record<string, string | readonly string[]> = {
  ...CORE_CONTAINER_STRUCTS,
  ...CORE_VOLUME_STRUCTS,
  ...KRUISE_STRUCTS,
};
const fieldCache = new Map<string, Field[]>();

function structFields(name: string): Field[] {
  const cached = fieldCache.get(name);
  if (cached) return cached;
  const src = SOURCES[name];
  if (src === undefined) throw new Error(`go-json: unknown struct ${name}`);
  const tokens = (typeof src === 'string' ? src : src.join(' ')).split(/\s+/).filter(Boolean);
  const fields: Field[] = [];
  for (const tok of tokens) {
    if (tok.startsWith('...')) {
      fields.push(...structFields(tok.slice(3)));
      continue;
    }
    const colon = tok.indexOf(':');
    const rawName = tok.slice(0, colon);
    const omitempty = !rawName.endsWith('!');
    fields.push({ json: omitempty ? rawName : rawName.slice(0, -1), type: tok.slice(colon + 1), omitempty });
  }
  fieldCache.set(name, fields);
  return fields;
}

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Go quotes strings like JSON.stringify but also escapes <, >, & and the JS line separators. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => HTML_UNSAFE[c] ?? c);
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** encoding/json's isEmptyValue, per Go kind. */
function isEmpty(value: unknown, type: string): boolean {
  const absent = value === undefined || value === null;
  if (type.startsWith('*')) return absent;
  if (type.startsWith('[]')) return absent || !Array.isArray(value) || value.length === 0;
  if (type.startsWith('map[]')) return absent || !isPlainObject(value) || Object.keys(value).length === 0;
  switch (type) {
    case 'string':
      return absent || value === '';
    case 'int':
      return absent || value === 0;
    case 'bool':
      return absent || value === false;
    case 'raw':
      return absent;
    default:
      return false; // a struct value (incl. Quantity, IntOrString, LabelSelector) is never "empty" in Go
  }
}

/** Generic JSON as Go's map[string]interface{} marshals it (keys sorted). */
function encodeRaw(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(encodeRaw).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(byteOrder);
    return `{${keys.map((k) => `${goQuote(k)}:${encodeRaw(value[k])}`).join(',')}}`;
  }
  return 'null';
}

function encodeInt(value: unknown): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0;
  return Number.isFinite(n) ? String(Math.trunc(n)) : '0';
}

function encode(value: unknown, type: string, sortFields: boolean): string {
  if (type.startsWith('*')) {
    return value === undefined || value === null ? 'null' : encode(value, type.slice(1), sortFields);
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) return 'null';
    const elem = type.slice(2);
    return `[${value.map((v: unknown) => encode(v, elem, sortFields)).join(',')}]`;
  }
  if (type.startsWith('map[]')) {
    if (!isPlainObject(value)) return 'null';
    const elem = type.slice(5);
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(byteOrder);
    return `{${keys.map((k) => `${goQuote(k)}:${encode(value[k], elem, sortFields)}`).join(',')}}`;
  }
  switch (type) {
    case 'string':
      return goQuote(typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
    case 'int':
      return encodeInt(value);
    case 'bool':
      return value === true ? 'true' : 'false';
    case 'Quantity':
      return goQuote(canonicalQuantity(value));
    case 'IntOrString':
      return typeof value === 'string' ? goQuote(value) : encodeInt(value);
    case 'raw':
      return encodeRaw(value);
    default:
      return encodeStruct(value, type, sortFields);
  }
}

function encodeStruct(value: unknown, name: string, sortFields: boolean): string {
  const obj = isPlainObject(value) ? value : {};
  const fields = sortFields ? [...structFields(name)].sort((a, b) => byteOrder(a.json, b.json)) : structFields(name);
  const parts: string[] = [];
  for (const f of fields) {
    const v = obj[f.json];
    if (f.omitempty && isEmpty(v, f.type)) continue;
    parts.push(`${goQuote(f.json)}:${encode(v, f.type, sortFields)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * json.Marshal of `value` decoded into Go type `type` (e.g. `SidecarContainer`, `[]Volume`).
 * With `sortFields`, struct fields are sorted too, which is what a struct -> map -> JSON round trip prints.
 */
export function goMarshal(value: unknown, type: string, sortFields = false): string {
  return encode(value, type, sortFields);
}

/** The object as it comes back after a Go decode/encode round trip (unknown keys dropped, zero values added). */
export function goRoundTrip<T>(value: T, type: string): T {
  // The round trip is exactly "marshal through the struct, parse back", so JSON.parse's result is the contract.
  return JSON.parse(goMarshal(value, type)) as T;
}

/** json.Marshal of a Go map[string]interface{} built from arbitrary JSON. */
export function goMarshalRaw(value: unknown): string {
  return encodeRaw(value);
}
