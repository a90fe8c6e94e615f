import { getDashboard } from '@/lib/dashboard/context';
import { json, parseName, readRequest, route, selectedContext } from '@/lib/dashboard/http';
import { permissionsFor } from '@/lib/dashboard/permissions';

export const dynamic = 'force-dynamic';

/** `{ upgrade: {allowed, reason?}, pause: {allowed, reason?} }` for the person asking. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const name = parseName((await ctx.params).name);
  const caller = await readRequest(req);
  return json(await permissionsFor(await getDashboard(await selectedContext()), caller, name));
});
