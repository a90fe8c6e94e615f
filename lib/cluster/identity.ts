import { AuthenticationV1Api, AuthorizationV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import type { ClusterSession } from '@/lib/cluster/cluster-session';
import { toClusterError } from '@/lib/cluster/cluster-error';

/** The clients one identity uses: the session's own credentials, or a person's token on the same cluster. */
export interface Acting {
  kc: KubeConfig;
  custom: CustomObjectsApi;
  authz: AuthorizationV1Api;
  /** Stable key for caches (never the token itself). */
  key: string;
}

const byToken = new Map<string, Acting>();

function fingerprint(token: string): string {
  return `user:${token.length}:${token.slice(0, 4)}…${token.slice(-6)}`;
}

export function actingAs(session: ClusterSession, userToken?: string): Acting {
  if (!userToken) return { kc: session.kc, custom: session.custom, authz: session.authz, key: `session:${session.context}` };
  const k = `${session.context}|${userToken}`;
  let a = byToken.get(k);
  if (!a) {
    const cluster = session.kc.getCurrentCluster();
    if (!cluster) throw new Error('the session has no cluster');
    const kc = new KubeConfig();
    // Same server and CA as the dashboard's own context; only the credentials are the person's.
    kc.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'dashboard-user', token: userToken }],
      contexts: [{ name: 'dashboard-user', cluster: cluster.name, user: 'dashboard-user' }],
      currentContext: 'dashboard-user',
    });
    a = { kc, custom: kc.makeApiClient(CustomObjectsApi), authz: kc.makeApiClient(AuthorizationV1Api), key: fingerprint(userToken) };
    if (byToken.size > 500) byToken.clear();
    byToken.set(k, a);
  }
  return a;
}

const names = new Map<string, { name: string; at: number }>();

/** Who the cluster says these credentials are (SelfSubjectReview), cached for a minute. */
export async function whoAmI(a: Acting): Promise<string> {
  const hit = names.get(a.key);
  if (hit && Date.now() - hit.at < 60_000) return hit.name;
  try {
    const api = a.kc.makeApiClient(AuthenticationV1Api);
    const r = await api.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    const name = r.status?.userInfo?.username ?? 'unknown';
    names.set(a.key, { name, at: Date.now() });
    return name;
  } catch (e) {
    const err = toClusterError(e);
    if (err.status === 401) throw err;
    // Older clusters without SelfSubjectReview: fall back to the kubeconfig's user name.
    return a.kc.getCurrentUser()?.name ?? 'unknown';
  }
}

const decisions = new Map<string, { allowed: boolean; reason: string; at: number }>();

/** SelfSubjectAccessReview, cached briefly per identity and question: what the buttons and read gate ask. */
export async function mayI(a: Acting, verb: string, resource: string, group: string, name?: string, namespace?: string): Promise<{ allowed: boolean; reason: string }> {
  const k = `${a.key}|${verb}|${group}|${resource}|${name ?? ''}|${namespace ?? ''}`;
  const hit = decisions.get(k);
  if (hit && Date.now() - hit.at < 30_000) return hit;
  const r = await a.authz.createSelfSubjectAccessReview({
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, resource, group, name, namespace } } },
  });
  const d = { allowed: !!r.status?.allowed, reason: r.status?.reason ?? r.status?.evaluationError ?? '', at: Date.now() };
  if (decisions.size > 5000) decisions.clear();
  decisions.set(k, d);
  return d;
}
