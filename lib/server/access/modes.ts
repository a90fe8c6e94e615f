import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { DashboardError } from '../http/errors';

export type AuthMode = 'service-account' | 'token-passthrough';

export interface AccessConfig {
  /** DASHBOARD_READ_ONLY=1: every mutation is refused, and the buttons say why. */
  readOnly: boolean;
  /** DASHBOARD_AUTH_MODE=token-passthrough: people sign in with their own Kubernetes token. */
  mode: AuthMode;
  /** DASHBOARD_ACCESS_TOKEN (service-account mode): mutations need it. */
  accessToken?: string;
  /** DASHBOARD_TRUST_PROXY_USER=1: take the person's name from an authenticating proxy's header, for the audit. */
  trustProxyUser: boolean;
}

export const TOKEN_COOKIE = 'dashboard-token';
export const ACCESS_COOKIE = 'dashboard-access';

export function accessConfig(env: NodeJS.ProcessEnv = process.env): AccessConfig {
  const mode = env.DASHBOARD_AUTH_MODE === 'token-passthrough' ? 'token-passthrough' : 'service-account';
  return {
    readOnly: env.DASHBOARD_READ_ONLY === '1' || env.DASHBOARD_READ_ONLY === 'true',
    mode,
    accessToken: env.DASHBOARD_ACCESS_TOKEN || undefined,
    trustProxyUser: env.DASHBOARD_TRUST_PROXY_USER === '1',
  };
}

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
}

function bearer(req: Request): string | undefined {
  const h = req.headers.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function callerOf(req: Request, cfg: AccessConfig = accessConfig()): Promise<Caller> {
  const jar = await cookies();
  const presented = bearer(req);
  // X-Forwarded-For is the client's to write unless a trusted proxy sets it: believed only behind one, or any
  // caller could claim a fresh address, and a fresh rate-limit bucket, per request.
  const addr = (cfg.trustProxyUser && req.headers.get('x-forwarded-for')?.split(',')[0]?.trim()) || 'direct';
  const proxyUser = cfg.trustProxyUser ? (req.headers.get('x-forwarded-user') ?? req.headers.get('x-auth-request-user') ?? undefined) : undefined;
  if (cfg.mode === 'token-passthrough') {
    const userToken = presented ?? jar.get(TOKEN_COOKIE)?.value;
    return { userToken, hasAccessToken: false, proxyUser, key: `${addr}|${userToken?.slice(-12) ?? '-'}` };
  }
  const access = presented ?? jar.get(ACCESS_COOKIE)?.value;
  const hasAccessToken = !!cfg.accessToken && !!access && sameSecret(access, cfg.accessToken);
  return { hasAccessToken, proxyUser, key: `${addr}|${hasAccessToken ? 'token' : '-'}` };
}

/**
 * The gate in front of every mutation: read-only mode refuses (403), a required credential that is missing or
 * wrong is 401. Whether the identity may patch this SidecarSet is the cluster's call (its 403 passes through).
 */
export function assertMayMutate(caller: Caller, cfg: AccessConfig = accessConfig()): void {
  if (cfg.readOnly) throw new DashboardError(403, 'ReadOnly', 'the dashboard runs in read-only mode (DASHBOARD_READ_ONLY): changes are disabled');
  if (cfg.mode === 'token-passthrough' && !caller.userToken) {
    throw new DashboardError(401, 'Unauthorized', 'sign in with your Kubernetes token to make changes');
  }
  if (cfg.mode === 'service-account' && cfg.accessToken && !caller.hasAccessToken) {
    throw new DashboardError(401, 'Unauthorized', 'this dashboard requires its access token for changes (Authorization: Bearer, or sign in)');
  }
}

/** Reads in pass-through mode also need a signed-in person (what they may see is checked against the cluster). */
export function assertMayRead(caller: Caller, cfg: AccessConfig = accessConfig()): void {
  if (cfg.mode === 'token-passthrough' && !caller.userToken) {
    throw new DashboardError(401, 'Unauthorized', 'sign in with your Kubernetes token');
  }
}
