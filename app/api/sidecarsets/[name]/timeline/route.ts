import { getDashboard } from '@/lib/dashboard/context';
import { json, parseName, readRequest, route, selectedContext } from '@/lib/dashboard/http';
import { assertMayList } from '@/lib/dashboard/permissions';
import { sidecarSetTimeline } from '@/lib/dashboard/timeline/api';

export const dynamic = 'force-dynamic';

/** All pods' timelines of a SidecarSet merged on one axis, with traffic-probe runs and lossless verdicts. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const caller = await readRequest(req);
  const d = await getDashboard(await selectedContext());
  await assertMayList(d, caller);
  return json(sidecarSetTimeline(d, name));
});
