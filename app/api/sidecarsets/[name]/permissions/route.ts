import { json, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** `{ upgrade: {allowed, reason?}, pause: {allowed, reason?} }` for the person asking. */
export const GET = sidecarSetRead(async (r, name) => json(await r.permissions(name)));
