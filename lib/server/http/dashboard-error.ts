import type { ApiErrorBody } from '@/lib/api';
import { ZodError } from 'zod';
import { ClusterError } from '@/lib/cluster/cluster-error';

/** What every API route answers on failure: `{ error: { status, reason, message, details? } }`. */
export class DashboardError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DashboardError';
  }
}


export function errorBody(e: unknown): ApiErrorBody {
  if (e instanceof DashboardError) {
    return { error: { status: e.status, reason: e.reason, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } };
  }
  if (e instanceof ClusterError) return { error: { status: e.status, reason: e.reason, message: e.message } };
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return { error: { status: 400, reason: 'BadRequest', message, details: issues } };
  }
  console.error('[api] unexpected error:', e);
  return { error: { status: 500, reason: 'InternalError', message: 'internal error; see the server log' } };
}

export function errorResponse(e: unknown): Response {
  const body = errorBody(e);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  const retry = (body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (body.error.status === 429 && retry) headers['Retry-After'] = String(retry);
  return Response.json(body, { status: body.error.status, headers });
}
