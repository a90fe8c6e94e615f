import { timingSafeEqual } from 'node:crypto';
import { ACCESS_COOKIE, accessConfig, CONTEXT_COOKIE, TOKEN_COOKIE, type AccessConfig } from './modes';

/** Who is asking, and with which credentials the dashboard will act for them. */
export interface Caller {
  /** The person's own Kubernetes token (token pass-through), when signed in. */
  userToken?: string;
  /** The configured access token was presented (service-account mode with DASHBOARD_ACCESS_TOKEN). */
  hasAccessToken: boolean;
  /** A name from an authenticating proxy, when trusted. */
  proxyUser?: string;
  /** For rate limiting: address plus credential. */
  key: string;
  /** The kubeconfig context this browser chose (a cookie), if any. */
  context?: string;
}

/** The `Cookie` header as name → value (first one wins, as browsers send the most specific path first). */
export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (out.has(name)) continue;
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A value that is not valid percent-encoding is no credential and no context.
    }
  }
  return out;
}

function bearer(headers: Headers): string | undefined {
  const h = headers.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The caller of a request, from its headers alone (Authorization, Cookie, and the proxy's headers when trusted).
 * Routes pass `req.headers`; pages pass Next's `headers()`, so both see the very same caller.
 */
export function callerFromHeaders(headers: Headers, cfg: AccessConfig = accessConfig()): Caller {
  const jar = parseCookies(headers.get('cookie'));
  const presented = bearer(headers);
  const context = jar.get(CONTEXT_COOKIE) || undefined;
  // X-Forwarded-For is the client's to write unless a trusted proxy sets it: believed only behind one, or any
  // caller could claim a fresh address, and a fresh rate-limit bucket, per request.
  const addr = (cfg.trustProxyUser && headers.get('x-forwarded-for')?.split(',')[0]?.trim()) || 'direct';
  const proxyUser = cfg.trustProxyUser ? (headers.get('x-forwarded-user') ?? headers.get('x-auth-request-user') ?? undefined) : undefined;
  if (cfg.mode === 'token-passthrough') {
    const userToken = presented ?? jar.get(TOKEN_COOKIE) ?? undefined;
    return { userToken: userToken || undefined, hasAccessToken: false, proxyUser, context, key: `${addr}|${userToken?.slice(-12) ?? '-'}` };
  }
  const access = presented ?? jar.get(ACCESS_COOKIE);
  const hasAccessToken = !!cfg.accessToken && !!access && sameSecret(access, cfg.accessToken);
  return { hasAccessToken, proxyUser, context, key: `${addr}|${hasAccessToken ? 'token' : '-'}` };
}
