import { jsonText, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** One SidecarSet and the pods it selects, with the per-pod hot-upgrade view (spec §8.2–§8.4). */
export const GET = sidecarSetRead(async (r, name) => jsonText(await r.detailJson(name)));
