import { json, parsePodRef, readableDashboard, route } from '@/lib/server/http/request';
import { podTimeline } from '@/lib/server/recorder/api';

export const dynamic = 'force-dynamic';

/** One pod's container timeline (app, X-1, X-2), gaps and its probe samples. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ namespace: string; name: string }> }) => {
  const p = await ctx.params;
  const { namespace, name } = parsePodRef(p.namespace, p.name);
  const d = await readableDashboard(req);
  return json(podTimeline(d, namespace, name));
});
