/**
 * k8s.io/apimachinery/pkg/util/validation/field errors as plain data, with `message` formatted exactly like
 * field.Error.Error() ("<path>: <Type>: <value>: <detail>") and the admission-denial aggregate format.
 */

export type FieldErrorReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueForbidden'
  | 'FieldValueNotFound'
  | 'FieldValueDuplicate'
  | 'FieldValueNotSupported';

export interface FieldError {
  field: string;
  reason: FieldErrorReason;
  message: string;
}

/** A bad value already rendered the way Go's `%#v` / Stringer would print it (structs, maps, nil). */
export interface GoRendered {
  goText: string;
}

export type BadValue = string | number | boolean | null | GoRendered;

const isRendered = (v: BadValue): v is GoRendered => typeof v === 'object' && v !== null;

/** field.Error.ErrorBody's value formatting: %q for strings, %v for numbers and bools, "null" for nil. */
export function renderBadValue(v: BadValue): string {
  if (v === null) return 'null';
  if (isRendered(v)) return v.goText;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

const withDetail = (s: string, detail: string): string => (detail ? `${s}: ${detail}` : s);

export function required(field: string, detail = ''): FieldError {
  return { field, reason: 'FieldValueRequired', message: `${field}: ${withDetail('Required value', detail)}` };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, reason: 'FieldValueForbidden', message: `${field}: ${withDetail('Forbidden', detail)}` };
}

export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return {
    field,
    reason: 'FieldValueInvalid',
    message: `${field}: ${withDetail(`Invalid value: ${renderBadValue(value)}`, detail)}`,
  };
}

export function notFound(field: string, value: BadValue): FieldError {
  return { field, reason: 'FieldValueNotFound', message: `${field}: Not found: ${renderBadValue(value)}` };
}

export function duplicate(field: string, value: BadValue): FieldError {
  return { field, reason: 'FieldValueDuplicate', message: `${field}: Duplicate value: ${renderBadValue(value)}` };
}

export function notSupported(field: string, value: BadValue, supported: string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return {
    field,
    reason: 'FieldValueNotSupported',
    message: `${field}: ${withDetail(`Unsupported value: ${renderBadValue(value)}`, detail)}`,
  };
}

/**
 * utilerrors.NewAggregate(...).Error(): one message as is, several (deduplicated) as "[a, b]". This is the
 * `<msg>` in `admission webhook "vsidecarset.kb.io" denied the request: <msg>`.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) return errors[0]?.message ?? '';
  const seen = [...new Set(errors.map((e) => e.message))];
  return seen.length === 1 ? (seen[0] ?? '') : `[${seen.join(', ')}]`;
}
