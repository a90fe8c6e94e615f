import { getDashboard } from '@/lib/dashboard/context';
import { json, route, selectedContext } from '@/lib/dashboard/http';
import { requireReady } from '@/lib/dashboard/mutations';

export const dynamic = 'force-dynamic';

/** Every SidecarSet with its containers, strategy, counters, progress and blocked reasons. */
export const GET = route(async () => {
  const d = await getDashboard(await selectedContext());
  return json({ items: requireReady(d).summaries(), status: d.status() });
});
