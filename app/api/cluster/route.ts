import { clusterOverview, json, route } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Which cluster and context this browser sees, the contexts it may switch to, and how fresh the data is. */
export const GET = route(async (req: Request) => json(await clusterOverview(req.headers)));
