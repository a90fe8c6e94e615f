import { getDashboard } from '@/lib/server/live/dashboards';
import { json, readMutation, route, selectedContext } from '@/lib/server/http/request';

export const dynamic = 'force-dynamic';

/** Try connecting again after the cluster was unreachable. */
export const POST = route(async (req: Request) => {
  await readMutation(req);
  const d = await getDashboard(await selectedContext());
  await d.session.start();
  return json({ status: d.status() });
});
