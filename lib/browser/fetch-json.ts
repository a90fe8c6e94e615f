import type { ApiErrorBody } from '@/lib/api';

/** An API failure with the server's own status, reason and words, which the UI shows as they are. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'NetworkError', `The dashboard server did not answer (${e instanceof Error ? e.message : String(e)}).`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    if (isErrorBody(body)) throw new ApiError(res.status, body.error.reason, body.error.message, body.error.details);
    throw new ApiError(res.status, res.statusText || 'Error', `HTTP ${res.status} from ${url}`);
  }
  // The server is ours and builds its answers with the same lib/api types; the response is trusted to match.
  return body as T;
}

export function getJson<T>(url: string): Promise<T> {
  return send<T>(url, { method: 'GET', headers: { Accept: 'application/json' } });
}

/** Mutations must be same-origin JSON; fetch from the page sends the Origin/Sec-Fetch-Site the server checks. */
export function postJson<T>(url: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', url, body);
}

export function sendJson<T>(method: 'POST' | 'DELETE', url: string, body: unknown): Promise<T> {
  return send<T>(url, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}
