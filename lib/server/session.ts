/**
 * Sign-in state, sign-in and sign-out, and the cluster/context a browser uses. None of these read cluster
 * objects: they tell a page which cluster it is about to show and whether it may, so they need no Reader.
 */
import { z } from 'zod';
import { listContexts } from '@/lib/cluster/session-registry';
import { callerFromHeaders } from './access/caller';
import { actingAs, whoAmI } from '@/lib/cluster/identity';
import { ACCESS_COOKIE, accessConfig, CONTEXT_COOKIE, TOKEN_COOKIE } from './access/modes';
import { mutationLimiter } from './access/rate-limit';
import { readMutation } from './http/body';
import { DashboardError } from './http/dashboard-error';
import { getDashboard } from './live/dashboard';

const SESSION_HOURS = 8;

function cookie(name: string, value: string, req: Request, maxAge?: number): string {
  const secure = new URL(req.url).protocol === 'https:' ? '; Secure' : '';
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict${secure}${maxAge !== undefined ? `; Max-Age=${maxAge}` : ''}`;
}

/** How this dashboard guards changes, and whether this browser is signed in. */
export async function sessionState(headers: Headers) {
  const cfg = accessConfig();
  const caller = callerFromHeaders(headers, cfg);
  let user: string | undefined;
  if (caller.userToken) {
    const d = await getDashboard(caller.context);
    user = await whoAmI(actingAs(d.session, caller.userToken)).catch(() => undefined);
  }
  return {
    mode: cfg.mode,
    readOnly: cfg.readOnly,
    accessTokenRequired: cfg.mode === 'service-account' && !!cfg.accessToken,
    signedIn: cfg.mode === 'token-passthrough' ? !!user : caller.hasAccessToken,
    user,
  };
}

const signInBody = z.strictObject({ token: z.string().min(1).max(8192) });

/**
 * Sign in: in token pass-through mode with your Kubernetes token (checked against the cluster), otherwise with
 * the dashboard's access token. Answers the body and the HttpOnly, SameSite=Strict cookie to set.
 */
export async function signIn(req: Request): Promise<{ body: { signedIn: true; user?: string }; setCookie: string }> {
  const { token } = signInBody.parse(await readMutation(req));
  const cfg = accessConfig();
  const caller = callerFromHeaders(req.headers, cfg);
  mutationLimiter().take(`signin|${caller.key}`);
  if (cfg.mode === 'token-passthrough') {
    const d = await getDashboard(caller.context);
    const user = await whoAmI(actingAs(d.session, token)).catch(() => {
      throw new DashboardError(401, 'Unauthorized', 'the cluster did not accept this token');
    });
    return { body: { signedIn: true, user }, setCookie: cookie(TOKEN_COOKIE, token, req, SESSION_HOURS * 3600) };
  }
  if (!cfg.accessToken) throw new DashboardError(400, 'BadRequest', 'this dashboard has no access token configured; nothing to sign in to');
  const probe = new Headers({ authorization: `Bearer ${token}` });
  if (!callerFromHeaders(probe, cfg).hasAccessToken) throw new DashboardError(401, 'Unauthorized', 'wrong access token');
  return { body: { signedIn: true }, setCookie: cookie(ACCESS_COOKIE, token, req, SESSION_HOURS * 3600) };
}

export async function signOut(req: Request): Promise<{ body: { signedIn: false }; setCookies: string[] }> {
  await readMutation(req);
  return { body: { signedIn: false }, setCookies: [cookie(TOKEN_COOKIE, '', req, 0), cookie(ACCESS_COOKIE, '', req, 0)] };
}

/** Which cluster and context this browser sees, the contexts it may switch to, and how fresh the data is. */
export async function clusterOverview(headers: Headers) {
  const d = await getDashboard(callerFromHeaders(headers).context);
  return { cluster: d.session.info(), contexts: await listContexts(d.session.context), status: d.status() };
}

/** Try connecting again after the cluster was unreachable. */
export async function retryConnect(req: Request) {
  await readMutation(req);
  const d = await getDashboard(callerFromHeaders(req.headers).context);
  await d.session.start();
  return { status: d.status() };
}

const contextBody = z.strictObject({ context: z.string().min(1).max(253) });

/** Switch this browser to another kubeconfig context (a cookie; the server keeps one session per context). */
export async function switchContext(req: Request): Promise<{ body: { context: string }; setCookie: string }> {
  const { context } = contextBody.parse(await readMutation(req));
  const contexts = await listContexts();
  if (!contexts.some((c) => c.name === context)) throw new DashboardError(404, 'NotFound', `no context "${context}" in the kubeconfig`);
  return { body: { context }, setCookie: `${CONTEXT_COOKIE}=${encodeURIComponent(context)}; Path=/; SameSite=Strict; HttpOnly` };
}
