/**
 * ConfigMaps, Secrets, ServiceAccounts and Leases: stored as sent, with kube-apiserver's (v1.28) validation of
 * their keys and sizes, Secret's stringData folding and type immutability, and Lease's durations.
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { fieldInvalid, fieldTooLong } from '../apimachinery/field-errors';
import { regexError } from '../kruise/k8s-names';
import type { FieldCause, Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';

/** core.MaxSecretSize, also the ConfigMap limit. */
export const MAX_DATA_SIZE = 1024 * 1024;
const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_RE = new RegExp(`^${CONFIG_KEY_FMT}$`);

/** validation.IsConfigMapKey. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY_RE.test(key)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateKeys(field: string, m: Record<string, string> | undefined, seen: Set<string>, causes: FieldCause[]): void {
  for (const k of Object.keys(m ?? {})) {
    for (const msg of configKeyErrors(k)) causes.push(fieldInvalid(`${field}[${k}]`, k, msg));
    if (seen.has(k)) causes.push(fieldInvalid(`${field}[${k}]`, k, 'duplicate of key present in data'));
    seen.add(k);
  }
}

function validateConfigMap(cm: ConfigMap): FieldCause[] {
  const causes: FieldCause[] = [];
  const seen = new Set<string>();
  validateKeys('data', cm.data, seen, causes);
  validateKeys('binaryData', cm.binaryData, seen, causes);
  let size = 0;
  for (const v of Object.values(cm.data ?? {})) size += Buffer.byteLength(String(v));
  for (const v of Object.values(cm.binaryData ?? {})) size += Buffer.from(String(v), 'base64').length;
  if (size > MAX_DATA_SIZE) causes.push(fieldTooLong('[]', MAX_DATA_SIZE));
  return causes;
}

export const configMapStrategy: Strategy = {
  validateCreate: (o) => validateConfigMap(o as unknown as ConfigMap),
  validateUpdate: (o) => validateConfigMap(o as unknown as ConfigMap),
};

/** stringData is write-only: merged into data (base64), as the Secret strategy's PrepareForCreate does. */
function foldStringData(obj: KubeObject): KubeObject {
  const s = obj as unknown as Secret;
  const out: Secret = { ...s, type: s.type || 'Opaque' };
  if (s.stringData) {
    const data = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries(s.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
    out.data = data;
    delete out.stringData;
  }
  return out as unknown as KubeObject;
}

function validateSecret(s: Secret): FieldCause[] {
  const causes: FieldCause[] = [];
  validateKeys('data', s.data, new Set(), causes);
  let size = 0;
  for (const v of Object.values(s.data ?? {})) size += Buffer.from(String(v), 'base64').length;
  if (size > MAX_DATA_SIZE) causes.push(fieldTooLong('data', MAX_DATA_SIZE));
  return causes;
}

export const secretStrategy: Strategy = {
  admitCreate: foldStringData,
  admitUpdate: foldStringData,
  validateCreate: (o) => validateSecret(o as unknown as Secret),
  validateUpdate(o, old) {
    const causes = validateSecret(o as unknown as Secret);
    const type = (o as unknown as Secret).type;
    if (type !== (old as unknown as Secret).type) causes.push(fieldInvalid('type', type, 'field is immutable'));
    return causes;
  },
};

export const serviceAccountStrategy: Strategy = {};

function validateLease(l: Lease): FieldCause[] {
  const causes: FieldCause[] = [];
  const spec = l.spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    causes.push(fieldInvalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    causes.push(fieldInvalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return causes;
}

/** Leases are what leader election (client-go's leaderelection) writes: plain objects with optimistic concurrency. */
export const leaseStrategy: Strategy = {
  validateCreate: (o) => validateLease(o as unknown as Lease),
  validateUpdate: (o) => validateLease(o as unknown as Lease),
};
