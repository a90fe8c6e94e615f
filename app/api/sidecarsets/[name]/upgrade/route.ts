import { getDashboard } from '@/lib/server/live/dashboards';
import { json, parseName, mutationRequest, route, selectedContext } from '@/lib/server/http/request';
import { upgradeSidecarSet } from '@/lib/server/changes/mutations';

export const dynamic = 'force-dynamic';

/** Body `{"container": "mosn", "image": "…", "fromImage"?: "…"}`: change one sidecar image, never blindly. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const { caller, body } = await mutationRequest(req);
  const d = await getDashboard(await selectedContext());
  return json(await upgradeSidecarSet(d, name, body, caller));
});
