/**
 * Decoding a client's object of a built-in kind the way kube-apiserver's JSON decoder does (sigs.k8s.io/json into
 * the Go types, v1.28): a value of the wrong JSON type is refused with encoding/json's UnmarshalTypeError text, and
 * fields the Go struct has no place for are dropped (and reported, for fieldValidation Warn/Strict) with the
 * strict decoder's paths. The Go types are read from the OpenAPI schemas the server already publishes.
 */
import type { SchemaObject } from '../openapi/schema-types';
import { SCHEMA_REF_PREFIX } from '../openapi/schema-types';

export interface DecodeOutcome {
  /** The object as the Go round trip leaves it: unknown fields and nulls gone. */
  value: Record<string, unknown>;
  /** `spec.containers[0].foo`, in document order. */
  unknownFields: string[];
}

/** encoding/json's UnmarshalTypeError, already worded. */
export class TypeMismatch extends Error {}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** Types whose Go side takes any JSON (RawExtension, FieldsV1) or a string we do not parse further (Time). */
const OPAQUE = new Set([
  'io.k8s.apimachinery.pkg.runtime.RawExtension', 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
]);
const TIMES = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

/** The int64 fields of the served kinds (the schemas carry no format; every other integer is an int32). */
const INT64_FIELDS = new Set([
  'generation', 'observedGeneration', 'deletionGracePeriodSeconds', 'activeDeadlineSeconds', 'terminationGracePeriodSeconds',
  'runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'expirationSeconds', 'revision', 'seconds',
]);

interface Resolved {
  schema: SchemaObject;
  /** The definition name, when the schema is a named type. */
  name?: string;
}

function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** `io.k8s.api.core.v1.ContainerPort` → `v1.ContainerPort`, as Go prints a named type. */
function goName(def: string): string {
  const parts = def.split('.');
  return `${parts.at(-2) ?? ''}.${parts.at(-1) ?? ''}`;
}

export class SchemaDecoder {
  constructor(private readonly schemas: Readonly<Record<string, SchemaObject>>) {}

  has(definition: string): boolean {
    return this.schemas[definition] !== undefined;
  }

  /** Schemas are immutable and shared, so each one's $ref chain is followed once. */
  private readonly resolved = new WeakMap<SchemaObject, Resolved>();

  private resolve(s: SchemaObject): Resolved {
    let r = this.resolved.get(s);
    if (!r) {
      r = this.follow(s);
      this.resolved.set(s, r);
    }
    return r;
  }

  private follow(s: SchemaObject): Resolved {
    let name: string | undefined;
    let cur = s;
    for (let i = 0; i < 8; i++) {
      const ref = cur.$ref ?? (cur.allOf?.length === 1 ? cur.allOf[0]?.$ref : undefined);
      if (!ref?.startsWith(SCHEMA_REF_PREFIX)) break;
      name = ref.slice(SCHEMA_REF_PREFIX.length);
      const next = this.schemas[name];
      if (!next) break;
      cur = next;
    }
    return { schema: cur, name };
  }

  private goType(field: string, r: Resolved): string {
    if (r.name) return r.name === INT_OR_STRING ? 'intstr.IntOrString' : goName(r.name);
    const s = r.schema;
    switch (s.type) {
      case 'integer': return INT64_FIELDS.has(field) ? 'int64' : 'int32';
      case 'number': return 'float64';
      case 'boolean': return 'bool';
      case 'string': return s.format === 'byte' ? '[]uint8' : 'string';
      case 'array': return `[]${s.items ? this.goType(field, this.resolve(s.items)) : 'interface {}'}`;
      case 'object':
        if (s.additionalProperties && typeof s.additionalProperties === 'object') {
          return `map[string]${this.goType(field, this.resolve(s.additionalProperties))}`;
        }
        return 'map[string]interface {}';
      default: return 'interface {}';
    }
  }

  /** Decode `body` as the definition `root` (e.g. `io.k8s.api.core.v1.Pod`). Throws TypeMismatch. */
  decode(root: string, body: Record<string, unknown>): DecodeOutcome {
    const unknownFields: string[] = [];
    const schema = this.schemas[root];
    if (!schema) return { value: body, unknownFields };
    const value = this.walkObject(body, { schema, name: root }, '', '', unknownFields);
    return { value, unknownFields };
  }

  /** Decode only `obj[property]` (as a field of `root`), passing the other fields through untouched. */
  decodeProperty(root: string, property: string, obj: Record<string, unknown>): DecodeOutcome {
    const unknownFields: string[] = [];
    const prop = this.schemas[root]?.properties?.[property];
    const v = obj[property];
    if (!prop || v === undefined || v === null) return { value: obj, unknownFields };
    const struct = root.split('.').at(-1) ?? '';
    return { value: { ...obj, [property]: this.walk(v, this.resolve(prop), property, property, struct, unknownFields) }, unknownFields };
  }

  /**
   * `path` is the strict decoder's (with indexes), `fields` the dotted JSON field names Go's error message uses
   * (kept as one string: building arrays per field cost more than the rest of the walk).
   * `struct` is the Go struct that holds the value being decoded.
   */
  private walk(v: unknown, r: Resolved, path: string, fields: string, struct: string, unknown: string[]): unknown {
    const s = r.schema;
    const mismatch = (what = jsonTypeOf(v)): never => {
      throw new TypeMismatch(`json: cannot unmarshal ${what} into Go struct field ${struct}.${fields} of type ${this.goType(fields.slice(fields.lastIndexOf('.') + 1), r)}`);
    };
    if (r.name && OPAQUE.has(r.name)) return v;
    if (r.name && TIMES.has(r.name)) return typeof v === 'string' ? v : mismatch();
    if (r.name === INT_OR_STRING) {
      if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return v;
      return mismatch(typeof v === 'number' ? `number ${v}` : undefined);
    }
    if (r.name === QUANTITY) return typeof v === 'string' || typeof v === 'number' ? v : mismatch();
    switch (s.type) {
      case 'string':
        return typeof v === 'string' ? v : mismatch();
      case 'boolean':
        return typeof v === 'boolean' ? v : mismatch();
      case 'integer':
        if (typeof v !== 'number') return mismatch();
        return Number.isInteger(v) ? v : mismatch(`number ${v}`);
      case 'number':
        return typeof v === 'number' ? v : mismatch();
      case 'array': {
        if (!Array.isArray(v)) return mismatch();
        const items = s.items ? this.resolve(s.items) : undefined;
        return items ? v.map((x, i) => (x === null ? x : this.walk(x, items, `${path}[${i}]`, fields, struct, unknown))) : v;
      }
      case 'object': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return mismatch();
        return this.walkObject(v as Record<string, unknown>, r, path, fields, unknown, struct);
      }
      default:
        return v;
    }
  }

  private walkObject(
    obj: Record<string, unknown>, r: Resolved, path: string, fields: string, unknown: string[], parentStruct = '',
  ): Record<string, unknown> {
    const s = r.schema;
    const out: Record<string, unknown> = {};
    if (!s.properties) {
      const extra = s.additionalProperties;
      if (!extra || typeof extra !== 'object') return obj;
      // A map: each value decodes as the element type; errors name the map's own field.
      const elem = this.resolve(extra);
      for (const [k, v] of Object.entries(obj)) {
        out[k] = v === null ? v : this.walk(v, elem, `${path}.${k}`, fields, parentStruct, unknown);
      }
      return out;
    }
    const struct = r.name ? (r.name.split('.').at(-1) ?? '') : parentStruct;
    for (const [k, v] of Object.entries(obj)) {
      const prop = s.properties[k];
      const p = path ? `${path}.${k}` : k;
      if (!prop) {
        unknown.push(p);
        continue;
      }
      if (v === null) continue;
      out[k] = this.walk(v, this.resolve(prop), p, fields ? `${fields}.${k}` : k, struct, unknown);
    }
    return out;
  }
}
