import { DashboardError } from '../http/dashboard-error';
import type { Caller } from './caller';

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
/** The kubeconfig context a browser chose (the header's switcher). */
export const CONTEXT_COOKIE = 'dashboard-context';

export function accessConfig(env: NodeJS.ProcessEnv = process.env): AccessConfig {
  const mode = env.DASHBOARD_AUTH_MODE === 'token-passthrough' ? 'token-passthrough' : 'service-account';
  return {
    readOnly: env.DASHBOARD_READ_ONLY === '1' || env.DASHBOARD_READ_ONLY === 'true',
    mode,
    accessToken: env.DASHBOARD_ACCESS_TOKEN || undefined,
    trustProxyUser: env.DASHBOARD_TRUST_PROXY_USER === '1',
  };
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
