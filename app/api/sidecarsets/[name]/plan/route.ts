import { json, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** The rollout as batches in Kruise's order: the next batch exactly, then the predicted ones, and what is held. */
export const GET = sidecarSetRead(async (r, name) => json(await r.plan(name)));
