import { cookies } from 'next/headers';
import { z } from 'zod';
import { accessConfig, assertMayMutate, assertMayRead, callerOf, type Caller } from '../access/modes';
import { getDashboard, type Dashboard } from '../live/dashboards';
import { DashboardError, errorResponse } from './errors';
import { assertMayList } from '../access/permissions';

export const CONTEXT_COOKIE = 'dashboard-context';
/** Mutation bodies are tiny; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The kubeconfig context this browser chose (a cookie), if any. */
export async function selectedContext(): Promise<string | undefined> {
  const raw = (await cookies()).get(CONTEXT_COOKIE)?.value;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Wrap a route so every failure becomes the JSON error shape with the right status. */
export function route<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/**
 * Everything a mutating route checks before its own logic, cheapest first: same-origin, the access mode
 * (read-only 403, missing credentials 401), then the body (415/413/400). The rate limit (429) applies just
 * before a change is sent to the cluster, so refused requests never use up a person's budget.
 */
export async function mutationRequest(req: Request): Promise<{ caller: Caller; body: unknown }> {
  assertSameOrigin(req);
  const caller = await callerOf(req);
  assertMayMutate(caller);
  return { caller, body: await readMutation(req) };
}

/** Reads need a signed-in person in token pass-through mode. */
export async function readRequest(req: Request): Promise<Caller> {
  const caller = await callerOf(req);
  assertMayRead(caller, accessConfig());
  return caller;
}

/**
 * The dashboard for this browser's context, once the caller may read SidecarSets (in pass-through mode the
 * cluster decides, by SelfSubjectAccessReview): what every read route starts with.
 */
export async function readableDashboard(req: Request): Promise<Dashboard> {
  const caller = await readRequest(req);
  const d = await getDashboard(await selectedContext());
  await assertMayList(d, caller);
  return d;
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** The same for a body that is already JSON text (see LiveViews.detailJson). */
export function jsonText(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/**
 * Mutations come only from this dashboard's own pages: same-origin by Fetch Metadata, or by Origin when an
 * older browser omits it; JSON only; small bodies. Anything else is refused before it reaches the cluster.
 */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function assertSameOrigin(req: Request): void {
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new DashboardError(403, 'CrossOrigin', `cross-site request refused (Sec-Fetch-Site: ${site})`);
  }
  if (origin && host && originHost(origin) !== host) {
    throw new DashboardError(403, 'CrossOrigin', `cross-origin request refused (Origin ${origin.slice(0, 200)} is not ${host})`);
  }
}

export async function readMutation(req: Request): Promise<unknown> {
  assertSameOrigin(req);
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new DashboardError(415, 'UnsupportedMediaType', 'send the body as application/json');
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new DashboardError(413, 'RequestEntityTooLarge', `request body over ${MAX_BODY_BYTES} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new DashboardError(413, 'RequestEntityTooLarge', `request body over ${MAX_BODY_BYTES} bytes`);
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new DashboardError(400, 'BadRequest', 'the request body is not valid JSON');
  }
}

/** SidecarSet names: Kruise's own rule (alphanumerics and '-', at most 63), checked before any cluster call. */
export const sidecarSetName = z.string().max(63, 'at most 63 characters').regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lower-case alphanumerics or "-", starting and ending with an alphanumeric');

export function parseName(raw: string): string {
  const r = sidecarSetName.safeParse(raw);
  if (!r.success) throw new DashboardError(400, 'InvalidName', `invalid SidecarSet name "${raw}": ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Namespace and pod names from a URL, checked before they reach the cluster or an index. */
export function parsePodRef(namespace: string, name: string): { namespace: string; name: string } {
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) throw new DashboardError(400, 'InvalidName', `invalid namespace "${namespace}"`);
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) throw new DashboardError(400, 'InvalidName', `invalid pod name "${name}"`);
  return { namespace, name };
}
