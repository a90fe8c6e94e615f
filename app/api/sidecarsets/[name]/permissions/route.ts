import { getDashboard } from '@/lib/server/live/dashboards';
import { json, parseName, readRequest, route, selectedContext } from '@/lib/server/http/request';
import { permissionsFor } from '@/lib/server/access/permissions';

export const dynamic = 'force-dynamic';

/** `{ upgrade: {allowed, reason?}, pause: {allowed, reason?} }` for the person asking. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const caller = await readRequest(req);
  return json(await permissionsFor(await getDashboard(await selectedContext()), caller, name));
});
