import { z } from 'zod';
import { readableDashboard, route } from '@/lib/server/http/request';
import { sseResponse } from '@/lib/server/live/sse';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const topic = z.string().regex(/^(sidecarsets|status|sidecarset\/[a-z0-9-]{1,63}|timeline\/[a-z0-9-]{1,63}|pod\/[a-z0-9-]{1,63}\/[a-z0-9.-]{1,253})$/);

/**
 * Server-Sent Events: `?topics=sidecarsets,sidecarset/mosn`. One shared bus per cluster context feeds every
 * tab; no request opens a watch on the cluster.
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  const topics = z.array(topic).max(20).parse((url.searchParams.get('topics') ?? 'sidecarsets').split(',').filter(Boolean));
  const header = req.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
  const lastEventId = header && /^\d+$/.test(header) ? Number(header) : undefined;
  const d = await readableDashboard(req);
  return sseResponse(d.bus, topics, lastEventId, req.signal, () => d.status());
});
