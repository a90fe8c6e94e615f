import { json, readerOf, route } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Every SidecarSet with its containers, strategy, counters, progress and blocked reasons. */
export const GET = route(async (req: Request) => json((await readerOf(req)).summaries()));
