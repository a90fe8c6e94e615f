import { randomUUID } from 'node:crypto';
import { toRfc3339 } from '../clock';
import type { KubeObject, Meta as ObjectMeta } from '../types';
import { isPlainObject } from '../types';
import type { FieldCause } from './strategy';
import { fieldInvalid, fieldTooLong } from '../apimachinery/field-errors';
import { isQualifiedName, isValidLabelValue } from '../kruise/k8s-names';

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** generateName's random suffix: 5 characters from apimachinery's util/rand alphabet. */
export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SUFFIX_ALPHABET[Math.floor(Math.random() * SUFFIX_ALPHABET.length)];
  return s;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dns1123SubdomainError(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  }
  return undefined;
}

export function dns1123LabelError(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  if (!DNS1123_LABEL.test(name)) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  }
  return undefined;
}

export function nameCause(name: string, err: string): FieldCause {
  return fieldInvalid('metadata.name', name, err);
}

/** apimachinery's TotalAnnotationSizeLimitB: keys and values together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * ValidateObjectMeta's label and annotation rules: string maps, label keys qualified names and values valid label
 * values, annotation keys qualified names (checked lower-cased) and at most 256 KiB of annotations in total.
 */
export function validateMetaMaps(meta: ObjectMeta): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const field of ['labels', 'annotations'] as const) {
    const m: unknown = meta[field];
    if (m === undefined || m === null) continue;
    if (!isPlainObject(m)) {
      causes.push(fieldInvalid(`metadata.${field}`, m, 'must be a map of strings'));
      continue;
    }
    let total = 0;
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string') {
        causes.push(fieldInvalid(`metadata.${field}`, k, 'value must be a string'));
        continue;
      }
      for (const msg of isQualifiedName(field === 'annotations' ? k.toLowerCase() : k)) causes.push(fieldInvalid(`metadata.${field}`, k, msg));
      if (field === 'labels') for (const msg of isValidLabelValue(v)) causes.push(fieldInvalid('metadata.labels', v, msg));
      else total += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) causes.push(fieldTooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT));
  }
  return causes;
}

/** Server-owned metadata on create: uid, creation time, generation; client-sent values are ignored. */
export function initCreateMeta(obj: KubeObject, nowMs: number, withGeneration: boolean): KubeObject {
  const meta: ObjectMeta = { ...obj.metadata, uid: randomUUID(), creationTimestamp: toRfc3339(nowMs) };
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  delete meta.managedFields;
  if (withGeneration) meta.generation = 1;
  else delete meta.generation;
  return { ...obj, metadata: meta };
}

/** Carry over what a client may not change on update. */
export function keepServerMeta(next: KubeObject, old: KubeObject): KubeObject {
  const meta: ObjectMeta = {
    ...next.metadata,
    uid: old.metadata.uid,
    creationTimestamp: old.metadata.creationTimestamp,
    generation: old.metadata.generation,
    deletionTimestamp: old.metadata.deletionTimestamp,
    deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
  };
  for (const k of Object.keys(meta) as Array<keyof ObjectMeta>) if (meta[k] === undefined) delete meta[k];
  delete meta.managedFields;
  return { ...next, metadata: meta };
}

/** Structural equality of JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Everything but metadata and status: what a generation bump is about. */
export function specPart(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}
