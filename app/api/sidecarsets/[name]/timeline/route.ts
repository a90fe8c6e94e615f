import { getDashboard } from '@/lib/dashboard/context';
import { json, parseName, route, selectedContext } from '@/lib/dashboard/http';
import { sidecarSetTimeline } from '@/lib/dashboard/timeline/api';

export const dynamic = 'force-dynamic';

/** All pods' timelines of a SidecarSet merged on one axis, with traffic-probe runs and lossless verdicts. */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  return json(sidecarSetTimeline(await getDashboard(await selectedContext()), name));
});
