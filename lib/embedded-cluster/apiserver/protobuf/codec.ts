/**
 * Request bodies in `application/vnd.kubernetes.protobuf`: the `k8s\0` magic, then a runtime.Unknown whose
 * typeMeta names the kind and whose raw bytes are the object's message (k8s.io/apimachinery's protobuf
 * serializer). Decoded with protobufjs into the JSON shape the rest of the server speaks.
 */
import protobuf from 'protobufjs';
import { ApiError, badRequest, unsupportedMediaType } from '../../apimachinery/errors';
import { descriptor, PROTOBUF_KINDS } from './messages';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const JSON_TYPES = ['application/json', 'application/yaml'];
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

const root = protobuf.Root.fromJSON(descriptor());
const UNKNOWN = root.lookupType('Unknown');

/**
 * Non-pointer int fields that gogo always writes; 0 means unset there (Go's JSON omits them). Pointer fields
 * (replicas, terminationGracePeriodSeconds…) are only written when set, so their 0 is kept.
 */
const ZERO_MEANS_UNSET = new Set(['hostPort', 'nodePort', 'minReadySeconds', 'healthCheckNodePort', 'generation']);
/** The same for non-pointer bools (pointer ones, like automountServiceAccountToken, keep an explicit false). */
const FALSE_MEANS_UNSET = new Set(['hostNetwork', 'hostPID', 'hostIPC', 'stdin', 'stdinOnce', 'tty', 'paused', 'publishNotReadyAddresses', 'allowed', 'denied']);

/**
 * Go's gogo messages → the JSON Go would write: Time as RFC 3339 (the zero time is absent), IntOrString and
 * Quantity as their scalar, and the zero values gogo writes for non-pointer fields dropped (as omitempty does).
 */
function normalise(type: protobuf.Type, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(type, v));
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  switch (type.name) {
    case 'Time': {
      const seconds = Number(o.seconds ?? 0);
      // Go's zero Time is 0001-01-01, which is -62135596800 s; gogo writes it as an empty message.
      if (seconds === 0 || seconds === -62135596800) return undefined;
      return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'MicroTime': {
      // metav1.MicroTime's JSON: RFC 3339 with exactly six fractional digits.
      const seconds = Number(o.seconds ?? 0);
      if (seconds === 0 || seconds === -62135596800) return undefined;
      const micros = String(Math.floor(Number(o.nanos ?? 0) / 1000)).padStart(6, '0');
      return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, `.${micros}Z`);
    }
    case 'IntOrString':
      return Number(o.type ?? 0) === 1 ? String(o.strVal ?? '') : Number(o.intVal ?? 0);
    case 'Quantity':
      return String(o.string ?? '');
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === '' || (v === false && FALSE_MEANS_UNSET.has(k)) || (v === 0 && ZERO_MEANS_UNSET.has(k))) continue;
    const field = type.fields[k];
    const sub = field?.resolvedType;
    if (sub instanceof protobuf.Type) {
      const n = field?.map
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([mk, mv]) => [mk, normalise(sub, mv)]))
        : normalise(sub, v);
      if (n !== undefined) out[k] = n;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** Field numbers present in `bytes` that `type` (or a nested message) does not declare, as `Type.number` paths. */
export function unknownFieldPaths(type: protobuf.Type, bytes: Uint8Array): string[] {
  const out: string[] = [];
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    const field = type.fieldsById[id];
    if (!field) {
      out.push(`${type.name}.${id}`);
      reader.skipType(wire);
      continue;
    }
    const sub = field.resolvedType;
    if (wire !== 2 || !(sub instanceof protobuf.Type || field.map)) {
      reader.skipType(wire);
      continue;
    }
    const inner = reader.bytes();
    if (field.map) {
      // A map entry is a message {key = 1, value = 2}; only message values need a look inside.
      if (!(sub instanceof protobuf.Type)) continue;
      const entry = protobuf.Reader.create(inner);
      while (entry.pos < entry.len) {
        const t = entry.uint32();
        if (t >>> 3 === 2 && (t & 7) === 2) out.push(...unknownFieldPaths(sub, entry.bytes()));
        else entry.skipType(t & 7);
      }
    } else if (sub instanceof protobuf.Type) {
      out.push(...unknownFieldPaths(sub, inner));
    }
  }
  return out;
}

function groupVersionKind(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

export function decodeProtobuf(buf: Buffer): Record<string, unknown> {
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw badRequest('provided object is not a valid Kubernetes protobuf message: the "k8s\\x00" prefix is missing');
  }
  let envelope: Record<string, unknown>;
  try {
    envelope = UNKNOWN.toObject(UNKNOWN.decode(buf.subarray(MAGIC.length)), { defaults: false });
  } catch (e) {
    throw badRequest(`unable to decode the protobuf envelope: ${(e as Error).message}`);
  }
  const tm = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const apiVersion = tm.apiVersion ?? '';
  const kind = tm.kind ?? '';
  const typeName = PROTOBUF_KINDS[groupVersionKind(apiVersion, kind)];
  // Kinds this server has no message for stay JSON/YAML-only: say so rather than guess.
  if (!typeName) throw unsupportedMediaType(PROTOBUF_MEDIA_TYPE, JSON_TYPES);
  const type = root.lookupType(typeName);
  const raw = envelope.raw instanceof Uint8Array ? envelope.raw : new Uint8Array();
  let message: protobuf.Message;
  try {
    message = type.decode(raw);
  } catch (e) {
    throw badRequest(`unable to decode ${kind} from protobuf: ${(e as Error).message}`);
  }
  // protobufjs skips fields it has no number for: refuse rather than store a silently truncated object.
  const unknown = unknownFieldPaths(type, raw);
  if (unknown.length > 0) {
    throw new ApiError(415, 'UnsupportedMediaType', unsupportedMediaType(PROTOBUF_MEDIA_TYPE, JSON_TYPES).message, undefined,
      `protobuf fields the embedded cluster cannot decode: ${unknown.join(', ')}`);
  }
  const obj = type.toObject(message, { longs: Number, bytes: String, defaults: false });
  return { apiVersion, kind, ...(normalise(type, obj) as Record<string, unknown>) };
}
