import { jsonText, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** All pods' timelines of a SidecarSet merged on one axis, with traffic-probe runs and lossless verdicts. */
export const GET = sidecarSetRead(async (r, name) => jsonText(await r.timelineJson(name)));
