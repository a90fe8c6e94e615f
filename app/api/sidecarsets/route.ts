import { getDashboard } from '@/lib/dashboard/context';
import { json, readRequest, route, selectedContext } from '@/lib/dashboard/http';
import { assertMayList } from '@/lib/dashboard/permissions';
import { requireReady } from '@/lib/dashboard/mutations';

export const dynamic = 'force-dynamic';

/** Every SidecarSet with its containers, strategy, counters, progress and blocked reasons. */
export const GET = route(async (req: Request) => {
  const caller = await readRequest(req);
  const d = await getDashboard(await selectedContext());
  await assertMayList(d, caller);
  return json({ items: requireReady(d).summaries(), status: d.status() });
});
