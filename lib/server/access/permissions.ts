import { KRUISE_GROUP } from '@/lib/cluster/cluster-session';
import { toClusterError } from '@/lib/cluster/cluster-error';
import type { Caller } from './caller';
import { accessConfig } from './modes';
import type { Dashboard } from '../live/dashboard';
import { actingAs, mayI } from '@/lib/cluster/identity';

export interface Permission {
  allowed: boolean;
  /** Why not, in words a person can act on. */
  reason?: string;
}

/**
 * What this person may do to a SidecarSet, asked the way the cluster will judge it (SelfSubjectAccessReview
 * as the identity the dashboard acts with), after the dashboard's own switches. Buttons are disabled with the
 * reason, not hidden.
 */
export async function permissionsFor(d: Dashboard, caller: Caller, name: string): Promise<{ upgrade: Permission; pause: Permission }> {
  const cfg = accessConfig();
  const deny = (reason: string): { upgrade: Permission; pause: Permission } => ({ upgrade: { allowed: false, reason }, pause: { allowed: false, reason } });
  if (cfg.readOnly) return deny('The dashboard runs in read-only mode (DASHBOARD_READ_ONLY).');
  if (cfg.mode === 'token-passthrough' && !caller.userToken) return deny('Sign in with your Kubernetes token to make changes.');
  if (cfg.mode === 'service-account' && cfg.accessToken && !caller.hasAccessToken) return deny('Sign in with the dashboard access token to make changes.');
  try {
    const acting = actingAs(d.session, caller.userToken);
    const patch = await mayI(acting, 'patch', 'sidecarsets', KRUISE_GROUP, name);
    const p: Permission = patch.allowed
      ? { allowed: true }
      : { allowed: false, reason: `Your Kubernetes identity may not patch sidecarsets.${KRUISE_GROUP} "${name}" (RBAC).` };
    return { upgrade: p, pause: p };
  } catch (e) {
    return deny(`Could not ask the cluster what you may do: ${toClusterError(e).message}`);
  }
}
