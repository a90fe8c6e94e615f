import { json, retryConnect, route } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Try connecting again after the cluster was unreachable. */
export const POST = route(async (req: Request) => json(await retryConnect(req)));
