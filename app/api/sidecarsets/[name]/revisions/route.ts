import { json, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** The SidecarSet's ControllerRevisions, oldest first: images, what changed, which is current. */
export const GET = sidecarSetRead(async (r, name) => json(await r.revisions(name)));
