import { json, route, sessionState, signIn, signOut } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** How this dashboard guards changes, and whether this browser is signed in. */
export const GET = route(async (req: Request) => json(await sessionState(req.headers)));

/** Sign in with a Kubernetes token (pass-through) or the dashboard's access token; kept in an HttpOnly cookie. */
export const POST = route(async (req: Request) => {
  const { body, setCookie } = await signIn(req);
  const res = json(body);
  res.headers.append('Set-Cookie', setCookie);
  return res;
});

export const DELETE = route(async (req: Request) => {
  const { body, setCookies } = await signOut(req);
  const res = json(body);
  for (const c of setCookies) res.headers.append('Set-Cookie', c);
  return res;
});
