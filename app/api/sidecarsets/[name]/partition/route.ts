import { sidecarSetChange } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Body `{"partition": 2 | "50%", "fromPartition"?: …}`: canary by partition, and Advance (one batch lower). */
export const POST = sidecarSetChange((c, name, body) => c.partition(name, body));
