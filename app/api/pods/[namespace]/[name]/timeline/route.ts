import { getDashboard } from '@/lib/dashboard/context';
import { json, parsePodRef, route, selectedContext } from '@/lib/dashboard/http';
import { podTimeline } from '@/lib/dashboard/timeline/api';

export const dynamic = 'force-dynamic';

/** One pod's container timeline (app, X-1, X-2), gaps and its probe samples. */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ namespace: string; name: string }> }) => {
  const p = await ctx.params;
  const { namespace, name } = parsePodRef(p.namespace, p.name);
  return json(podTimeline(await getDashboard(await selectedContext()), namespace, name));
});
