import { listContexts } from '@/lib/cluster/sessions';
import { getDashboard } from '@/lib/server/live/dashboards';
import { json, route, selectedContext } from '@/lib/server/http/request';

export const dynamic = 'force-dynamic';

/** Which cluster and context this browser sees, the contexts it may switch to, and how fresh the data is. */
export const GET = route(async () => {
  const ctx = await selectedContext();
  const d = await getDashboard(ctx);
  return json({ cluster: d.session.info(), contexts: await listContexts(d.session.context), status: d.status() });
});
