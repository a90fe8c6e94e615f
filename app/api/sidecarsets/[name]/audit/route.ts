import { auditTrail } from '@/lib/server/changes/audit';
import { json, parseName, readableDashboard, route } from '@/lib/server/http/request';

export const dynamic = 'force-dynamic';

/** Who changed this SidecarSet through the dashboard, newest first (from its Kubernetes Events). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const d = await readableDashboard(req);
  return json({ items: auditTrail(d, name) });
});
