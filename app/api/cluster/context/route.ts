import { z } from 'zod';
import { listContexts } from '@/lib/cluster/sessions';
import { DashboardError } from '@/lib/server/http/errors';
import { CONTEXT_COOKIE, json, readMutation, route } from '@/lib/server/http/request';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ context: z.string().min(1).max(253) });

/** Switch this browser to another kubeconfig context (a cookie; the server keeps one session per context). */
export const POST = route(async (req: Request) => {
  const { context } = body.parse(await readMutation(req));
  const contexts = await listContexts();
  if (!contexts.some((c) => c.name === context)) throw new DashboardError(404, 'NotFound', `no context "${context}" in the kubeconfig`);
  const res = json({ context });
  res.headers.append('Set-Cookie', `${CONTEXT_COOKIE}=${encodeURIComponent(context)}; Path=/; SameSite=Strict; HttpOnly`);
  return res;
});
