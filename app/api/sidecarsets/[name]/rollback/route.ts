import { sidecarSetChange } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Body `{"revision": NAME, "fromRevision"?: NAME}`: re-apply a revision's containers, never blindly. */
export const POST = sidecarSetChange((c, name, body) => c.rollback(name, body));
