import type { FieldCause } from './errors';

/**
 * Builders for the causes of an `invalid(...)` error, worded as k8s.io/apimachinery/pkg/util/validation/field
 * does, so `kubectl` prints the same `spec.containers[0].image: Required value` lines a real cluster gives.
 */

/** How field.Error renders a bad value: strings quoted, scalars bare, anything else as JSON. */
export function formatBadValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'null';
  return JSON.stringify(value) ?? 'null';
}

function withDetail(body: string, detail: string | undefined): string {
  return detail ? `${body}: ${detail}` : body;
}

export function fieldRequired(field: string, detail?: string): FieldCause {
  return { reason: 'FieldValueRequired', field, message: withDetail('Required value', detail) };
}

export function fieldInvalid(field: string, value: unknown, detail?: string): FieldCause {
  return { reason: 'FieldValueInvalid', field, message: withDetail(`Invalid value: ${formatBadValue(value)}`, detail) };
}

export function fieldForbidden(field: string, detail?: string): FieldCause {
  return { reason: 'FieldValueForbidden', field, message: withDetail('Forbidden', detail) };
}

export function fieldNotFound(field: string, value: unknown): FieldCause {
  return { reason: 'FieldValueNotFound', field, message: `Not found: ${formatBadValue(value)}` };
}

export function fieldDuplicate(field: string, value: unknown): FieldCause {
  return { reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${formatBadValue(value)}` };
}

export function fieldNotSupported(field: string, value: unknown, supported: readonly string[]): FieldCause {
  const detail = supported.length > 0 ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : undefined;
  return { reason: 'FieldValueNotSupported', field, message: withDetail(`Unsupported value: ${formatBadValue(value)}`, detail) };
}

export function fieldTooLong(field: string, maxLength: number): FieldCause {
  const unit = maxLength === 1 ? 'byte' : 'bytes';
  return { reason: 'FieldValueTooLong', field, message: `Too long: may not be more than ${maxLength} ${unit}` };
}
