import { getDashboard } from '@/lib/server/live/dashboards';
import { json, parseName, mutationRequest, route, selectedContext } from '@/lib/server/http/request';
import { setPaused } from '@/lib/server/changes/mutations';

export const dynamic = 'force-dynamic';

export const POST = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const { caller, body } = await mutationRequest(req);
  const d = await getDashboard(await selectedContext());
  return json(await setPaused(d, name, false, body, caller));
});
