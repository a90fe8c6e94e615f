import { json, route, switchContext } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Switch this browser to another kubeconfig context (a cookie; the server keeps one session per context). */
export const POST = route(async (req: Request) => {
  const { body, setCookie } = await switchContext(req);
  const res = json(body);
  res.headers.append('Set-Cookie', setCookie);
  return res;
});
