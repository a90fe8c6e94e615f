import { sidecarSetChange } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Body `{}`: set `updateStrategy.paused`. */
export const POST = sidecarSetChange((c, name, body) => c.pause(name, body));
