import { DashboardError } from '@/lib/server/http/errors';
import { jsonText, parseName, readableDashboard, route } from '@/lib/server/http/request';
import { requireReady } from '@/lib/server/changes/mutations';

export const dynamic = 'force-dynamic';

/** One SidecarSet and the pods it selects, with the per-pod hot-upgrade view (spec §8.2–§8.4). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const d = await readableDashboard(req);
  const detail = requireReady(d).detailJson(name);
  if (!detail) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
  return jsonText(`{"summary":${detail.summary},"pods":${detail.pods},"status":${JSON.stringify(d.status())}}`);
});
