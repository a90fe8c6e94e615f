/**
 * Failures as kube-apiserver reports them: a metav1.Status body whose message, reason and details match
 * k8s.io/apimachinery/pkg/api/errors, because clients (kubectl, client-go, @kubernetes/client-node) branch on
 * `reason` and print `message` verbatim.
 */

export type StatusReason =
  | 'BadRequest'
  | 'Invalid'
  | 'Conflict'
  | 'NotFound'
  | 'Forbidden'
  | 'Unauthorized'
  | 'AlreadyExists'
  | 'Expired'
  | 'Gone'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'TooManyRequests';

/** `reason` is the JSON name of metav1.StatusCause.Type (e.g. 'FieldValueRequired'). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The wire body of a failed request, keys in the order kube-apiserver writes them. */
export interface FailureStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  /**
   * @param debugMessage never sent to clients; says what really went wrong where the apiserver's own
   *   message is deliberately generic (e.g. a failed json-patch `test`), so the server can log it.
   */
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
    readonly debugMessage?: string,
  ) {
    super(message);
  }

  toStatus(): FailureStatus {
    const head = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
    } as const;
    // `details` precedes `code` on the wire; empty members are dropped as Go's omitempty does.
    return this.details ? { ...head, details: compactDetails(this.details), code: this.code } : { ...head, code: this.code };
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function compactDetails(d: StatusDetails): StatusDetails {
  const out: StatusDetails = {};
  if (d.name) out.name = d.name;
  if (d.group) out.group = d.group;
  if (d.kind) out.kind = d.kind;
  if (d.uid) out.uid = d.uid;
  if (d.causes && d.causes.length > 0) {
    out.causes = d.causes.map((c) => {
      const cause: StatusCause = {};
      if (c.reason) cause.reason = c.reason;
      if (c.message) cause.message = c.message;
      if (c.field) cause.field = c.field;
      return cause;
    });
  }
  if (d.retryAfterSeconds) out.retryAfterSeconds = d.retryAfterSeconds;
  return out;
}

/** schema.GroupResource; the string form is `resource` or `resource.group` (e.g. 'sidecarsets.apps.kruise.io'). */
export type GroupResourceLike = string | { group: string; resource: string };

function groupResource(gr: GroupResourceLike): { group: string; resource: string; text: string } {
  if (typeof gr === 'string') {
    const dot = gr.indexOf('.');
    const resource = dot < 0 ? gr : gr.slice(0, dot);
    const group = dot < 0 ? '' : gr.slice(dot + 1);
    return { group, resource, text: gr };
  }
  return { ...gr, text: gr.group ? `${gr.resource}.${gr.group}` : gr.resource };
}

/** Go's %q for the ASCII names Kubernetes allows; JSON escaping is identical there. */
function q(s: string): string {
  return JSON.stringify(s);
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function notFound(gr: GroupResourceLike, name: string): ApiError {
  const r = groupResource(gr);
  return new ApiError(404, 'NotFound', `${r.text} ${q(name)} not found`, { name, group: r.group, kind: r.resource });
}

/** kube-apiserver's answer for a path no handler serves (unknown group, version, resource or subresource). */
export function resourceNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(gr: GroupResourceLike, name: string): ApiError {
  const r = groupResource(gr);
  return new ApiError(409, 'AlreadyExists', `${r.text} ${q(name)} already exists`, { name, group: r.group, kind: r.resource });
}

export const STALE_OBJECT_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** `why` defaults to the stale-resourceVersion wording of the registry's optimistic-concurrency check. */
export function conflict(gr: GroupResourceLike, name: string, why: string = STALE_OBJECT_MESSAGE): ApiError {
  const r = groupResource(gr);
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${r.text} ${q(name)}: ${why}`, {
    name,
    group: r.group,
    kind: r.resource,
  });
}

/**
 * A field-level validation failure. Each cause's `message` is the error body without the field
 * (field.Error.ErrorBody()), as apiserver puts it in details.causes; build them with field-errors.ts.
 */
export interface FieldCause {
  reason: string;
  message: string;
  field: string;
}

export function invalid(kind: string, group: string, name: string, causes: readonly FieldCause[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const summary = aggregate(causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)));
  const message = summary ? `${qualified} ${q(name)} is invalid: ${summary}` : `${qualified} ${q(name)} is invalid`;
  return new ApiError(422, 'Invalid', message, {
    name,
    group,
    kind,
    causes: causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field })),
  });
}

/** utilerrors.Aggregate's Error(): one message bare, several de-duplicated inside brackets. */
export function aggregate(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  if (seen.length === 0) return '';
  if (seen.length === 1) return seen[0] ?? '';
  return `[${seen.join(', ')}]`;
}

export function forbidden(gr: GroupResourceLike | undefined, name: string, reason: string): ApiError {
  const r = gr === undefined ? undefined : groupResource(gr);
  let message: string;
  if (!r || (!r.group && !r.resource)) message = `forbidden: ${reason}`;
  else if (!name) message = `${r.text} is forbidden: ${reason}`;
  else message = `${r.text} ${q(name)} is forbidden: ${reason}`;
  return new ApiError(403, 'Forbidden', message, { name, group: r?.group ?? '', kind: r?.resource ?? '' });
}

export function unauthorized(message = 'Unauthorized'): ApiError {
  return new ApiError(401, 'Unauthorized', message);
}

/** 410 with reason Expired: a watch or list continuation from a resourceVersion the history no longer has. */
export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Gone', message);
}

export const DEFAULT_BODY_MEDIA_TYPES: readonly string[] = ['application/json', 'application/yaml'];

/** The negotiation error; kube never echoes the offending type, so it only goes to the debug message. */
export function unsupportedMediaType(contentType: string, accepted: readonly string[] = DEFAULT_BODY_MEDIA_TYPES): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    undefined,
    `Content-Type ${q(contentType)} is not accepted here`,
  );
}

export function notAcceptable(accepted: readonly string[]): ApiError {
  return new ApiError(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);
}

/** kube-apiserver's default request-body limit is 3 MiB. */
export function tooLarge(message = 'limit is 3145728'): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

/**
 * Without arguments: the text client-go shows for a bare 405. With a resource and verb: the registry's
 * NewMethodNotSupported wording (`deletecollection is not supported on resources of kind "nodes"`).
 */
export function methodNotAllowed(gr?: GroupResourceLike, action?: string): ApiError {
  if (gr === undefined || action === undefined) {
    return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  const r = groupResource(gr);
  return new ApiError(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${q(r.text)}`, {
    group: r.group,
    kind: r.resource,
  });
}

/**
 * What kube-apiserver answers when a patch's operations do not apply (a failed json-patch `test`, a missing
 * path, a merge-key problem): it wraps the library error in NewGenericServerResponse(422), which keeps only
 * this generic message and an empty `details`. The library's own text is kept in debugMessage for logs.
 */
export function unprocessableEntity(debugMessage?: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {}, debugMessage);
}

export function internalError(cause: unknown): ApiError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
}

export function serviceUnavailable(message: string): ApiError {
  return new ApiError(503, 'ServiceUnavailable', message);
}
