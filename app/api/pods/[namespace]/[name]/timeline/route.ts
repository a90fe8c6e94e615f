import { json, parsePodRef, readerOf, route } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** One pod's container timeline (app, X-1, X-2), gaps and its probe samples. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ namespace: string; name: string }> }) => {
  const p = await ctx.params;
  const { namespace, name } = parsePodRef(p.namespace, p.name);
  return json(await (await readerOf(req)).podTimeline(namespace, name));
});
