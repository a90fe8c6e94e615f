/**
 * The one way into the server side's cluster data. Every route, page, stream and snapshot starts here with its
 * caller; a Reader or Changer comes out only after the access check (boundary.test.ts fails the build of any
 * page or route that reaches the live views another way).
 */
import 'server-only';
import { callerFromHeaders, type Caller } from './access/caller';
import { accessConfig, assertMayMutate, assertMayRead } from './access/modes';
import { ReadScope } from './access/read-scope';
import { Changer } from './changer';
import { assertSameOrigin, readJsonBody } from './http/body';
import { getDashboard } from './live/dashboard';
import { Reader } from './reader';

/** A Reader for this caller: 401 before sign-in (pass-through), 403 when the cluster says no, 503 not connected. */
export async function openRead(caller: Caller): Promise<Reader> {
  const cfg = accessConfig();
  // Refused before anything connects: an anonymous request must not even start a session.
  assertMayRead(caller, cfg);
  const d = await getDashboard(caller.context);
  return new Reader(d, await ReadScope.open(d, caller, cfg), caller);
}

/** A Changer for this caller: 403 in read-only mode, 401 without the credentials the mode needs. */
export async function openChange(caller: Caller): Promise<Changer> {
  assertMayMutate(caller, accessConfig());
  return new Changer(await getDashboard(caller.context), caller);
}

export function readerOf(req: Request): Promise<Reader> {
  return openRead(callerFromHeaders(req.headers));
}

/**
 * What every mutating route checks before its own logic, cheapest first: same-origin (403), the access mode
 * (403/401), then the body (415/413/400). The rate limit (429) applies just before a change is sent to the
 * cluster, so refused requests never use up a person's budget.
 */
export async function changeOf(req: Request): Promise<{ changer: Changer; body: unknown }> {
  assertSameOrigin(req);
  const changer = await openChange(callerFromHeaders(req.headers));
  return { changer, body: await readJsonBody(req) };
}
