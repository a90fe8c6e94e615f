import { parseLastEventId, parseTopics, readerOf, route } from '@/lib/server';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Server-Sent Events: `?topics=sidecarsets,sidecarset/mosn`. One shared bus per cluster context feeds every
 * tab; no request opens a watch on the cluster.
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  const topics = parseTopics(url.searchParams.get('topics'));
  const lastEventId = parseLastEventId(req.headers.get('last-event-id') ?? url.searchParams.get('lastEventId'));
  return (await readerOf(req)).stream(topics, lastEventId, req.signal);
});
