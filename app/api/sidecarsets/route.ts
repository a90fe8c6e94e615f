import { json, readableDashboard, route } from '@/lib/server/http/request';
import { requireReady } from '@/lib/server/changes/mutations';

export const dynamic = 'force-dynamic';

/** Every SidecarSet with its containers, strategy, counters, progress and blocked reasons. */
export const GET = route(async (req: Request) => {
  const d = await readableDashboard(req);
  return json({ items: requireReady(d).summaries(), status: d.status() });
});
