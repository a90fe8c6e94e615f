import { sidecarSetChange } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Body `{}`: clear `updateStrategy.paused`. */
export const POST = sidecarSetChange((c, name, body) => c.resume(name, body));
