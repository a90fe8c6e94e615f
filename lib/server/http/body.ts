import { DashboardError } from './dashboard-error';

/** Mutation bodies are tiny; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 16 * 1024;

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Mutations come only from this dashboard's own pages: same-origin by Fetch Metadata, or by Origin when an
 * older browser omits it. Anything else is refused before it reaches the cluster. Run once per request.
 */
export function assertSameOrigin(req: Request): void {
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

/** A JSON body of at most MAX_BODY_BYTES (415 not JSON, 413 too big, 400 malformed); an empty body is `{}`. */
export async function readJsonBody(req: Request): Promise<unknown> {
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

/** Same-origin, then the JSON body: for the changes that need no credentials (sign-in, context switch). */
export async function readMutation(req: Request): Promise<unknown> {
  assertSameOrigin(req);
  return readJsonBody(req);
}
