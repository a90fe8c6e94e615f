import { badRequest } from '../../apimachinery/errors';
import type { BodyDecoder } from '../../registry/strategy';
import { K8S_SCHEMAS } from '../openapi/generated/k8s-schemas';
import { SchemaDecoder, TypeMismatch } from './schema-decoder';

/** The definition a built-in kind is published under (`io.k8s.api.core.v1.Pod`); CRD kinds have none. */
export function builtInDefinition(group: string, version: string, kind: string): string {
  const g = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  return `io.k8s.api.${g}.${version}.${kind}`;
}

/** `Warning` header values as kube-apiserver writes them: code 299, agent "-", the text Go-quoted. */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

/**
 * The HTTP clients' decoder for built-in kinds. A type error is a 400 (create/update: wrapped as the handlers'
 * transformDecodeError does; patch: bare); unknown fields are dropped, and per fieldValidation also ignored,
 * reported as warnings (Warn, the default) or refused (Strict) with the strict decoder's message.
 */
export function schemaBodyDecoder(schemas = K8S_SCHEMAS): BodyDecoder {
  const decoder = new SchemaDecoder(schemas);
  return (def, version, obj, ctx, op, statusOnly) => {
    const root = builtInDefinition(def.group, version, def.kind);
    if (!ctx.fieldValidation || !decoder.has(root)) return obj;
    const wrap = (msg: string): string => (op === 'patch' ? msg : `${def.kind} in version ${JSON.stringify(version)} cannot be handled as a ${def.kind}: ${msg}`);
    let out;
    try {
      // A status write keeps the stored spec and metadata, so only its status needs the (costly) walk.
      out = statusOnly ? decoder.decodeProperty(root, 'status', obj) : decoder.decode(root, obj);
    } catch (e) {
      if (e instanceof TypeMismatch) throw badRequest(wrap(e.message));
      throw e;
    }
    if (out.unknownFields.length > 0) {
      const messages = out.unknownFields.map((f) => `unknown field ${JSON.stringify(f)}`);
      if (ctx.fieldValidation === 'Strict') throw badRequest(wrap(`strict decoding error: ${messages.join(', ')}`));
      if (ctx.fieldValidation === 'Warn') ctx.warnings?.push(...messages);
    }
    return out.value;
  };
}
