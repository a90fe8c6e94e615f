import { z } from 'zod';
import { ACCESS_COOKIE, accessConfig, callerOf, TOKEN_COOKIE } from '@/lib/server/access/modes';
import { getDashboard } from '@/lib/server/live/dashboards';
import { DashboardError } from '@/lib/server/http/errors';
import { json, readMutation, route, selectedContext } from '@/lib/server/http/request';
import { actingAs, whoAmI } from '@/lib/server/access/identity';
import { mutationLimiter } from '@/lib/server/access/rate-limit';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ token: z.string().min(1).max(8192) });

function cookie(name: string, value: string, req: Request, maxAge?: number): string {
  const secure = new URL(req.url).protocol === 'https:' ? '; Secure' : '';
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict${secure}${maxAge !== undefined ? `; Max-Age=${maxAge}` : ''}`;
}

/** How this dashboard guards changes, and whether this browser is signed in. */
export const GET = route(async (req: Request) => {
  const cfg = accessConfig();
  const caller = await callerOf(req, cfg);
  let user: string | undefined;
  if (caller.userToken) {
    const d = await getDashboard(await selectedContext());
    user = await whoAmI(actingAs(d.session, caller.userToken)).catch(() => undefined);
  }
  return json({
    mode: cfg.mode,
    readOnly: cfg.readOnly,
    accessTokenRequired: cfg.mode === 'service-account' && !!cfg.accessToken,
    signedIn: cfg.mode === 'token-passthrough' ? !!user : caller.hasAccessToken,
    user,
  });
});

/**
 * Sign in: in token pass-through mode with your Kubernetes token (checked against the cluster), otherwise with
 * the dashboard's access token. Kept in an HttpOnly, SameSite=Strict cookie.
 */
export const POST = route(async (req: Request) => {
  const { token } = body.parse(await readMutation(req));
  const cfg = accessConfig();
  const caller = await callerOf(req, cfg);
  mutationLimiter().take(`signin|${caller.key}`);
  if (cfg.mode === 'token-passthrough') {
    const d = await getDashboard(await selectedContext());
    const user = await whoAmI(actingAs(d.session, token)).catch(() => {
      throw new DashboardError(401, 'Unauthorized', 'the cluster did not accept this token');
    });
    const res = json({ signedIn: true, user });
    res.headers.append('Set-Cookie', cookie(TOKEN_COOKIE, token, req, 8 * 3600));
    return res;
  }
  if (!cfg.accessToken) throw new DashboardError(400, 'BadRequest', 'this dashboard has no access token configured; nothing to sign in to');
  const probe = new Request(req.url, { headers: { authorization: `Bearer ${token}` } });
  if (!(await callerOf(probe, cfg)).hasAccessToken) throw new DashboardError(401, 'Unauthorized', 'wrong access token');
  const res = json({ signedIn: true });
  res.headers.append('Set-Cookie', cookie(ACCESS_COOKIE, token, req, 8 * 3600));
  return res;
});

export const DELETE = route(async (req: Request) => {
  await readMutation(req);
  const res = json({ signedIn: false });
  res.headers.append('Set-Cookie', cookie(TOKEN_COOKIE, '', req, 0));
  res.headers.append('Set-Cookie', cookie(ACCESS_COOKIE, '', req, 0));
  return res;
});
