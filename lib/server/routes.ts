/** The shapes the API routes share, so each route file is one line of what it does. */
import type { Changer } from './changer';
import { changeOf, readerOf } from './entry';
import { parseName } from './http/params';
import { json, route } from './http/route';
import type { Reader } from './reader';

interface NameParams {
  params: Promise<{ name: string }>;
}

/** GET /api/sidecarsets/{name}/…: the name checked (400), then the caller's Reader. */
export function sidecarSetRead(fn: (r: Reader, name: string, req: Request) => Promise<Response> | Response) {
  return route(async (req: Request, ctx: NameParams) => {
    const name = parseName((await ctx.params).name);
    return fn(await readerOf(req), name, req);
  });
}

/** POST /api/sidecarsets/{name}/…: the name checked (400), then the mutation gate, then the change as JSON. */
export function sidecarSetChange(fn: (c: Changer, name: string, body: unknown) => Promise<unknown>) {
  return route(async (req: Request, ctx: NameParams) => {
    const name = parseName((await ctx.params).name);
    const { changer, body } = await changeOf(req);
    return json(await fn(changer, name, body));
  });
}
