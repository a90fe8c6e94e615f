import { jsonText, parseName, readableDashboard, route } from '@/lib/server/http/request';
import { sidecarSetTimelineJson } from '@/lib/server/recorder/api';

export const dynamic = 'force-dynamic';

/** All pods' timelines of a SidecarSet merged on one axis, with traffic-probe runs and lossless verdicts. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const d = await readableDashboard(req);
  return jsonText(sidecarSetTimelineJson(d, name));
});
