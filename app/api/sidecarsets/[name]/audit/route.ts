import { auditTrail } from '@/lib/dashboard/audit';
import { getDashboard } from '@/lib/dashboard/context';
import { json, parseName, readRequest, route, selectedContext } from '@/lib/dashboard/http';
import { assertMayList } from '@/lib/dashboard/permissions';

export const dynamic = 'force-dynamic';

/** Who changed this SidecarSet through the dashboard, newest first (from its Kubernetes Events). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const caller = await readRequest(req);
  const d = await getDashboard(await selectedContext());
  await assertMayList(d, caller);
  return json({ items: auditTrail(d, name) });
});
