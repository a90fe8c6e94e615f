/**
 * Initial data for server-rendered pages, through the same entry as the API (openRead with the page's caller),
 * from the same shared caches (no cluster call). Best effort: when the caller may not read, or the cluster is slow
 * or not ready, the page renders without it and the client fetches, and shows the API's reason.
 */
import 'server-only';
import { headers } from 'next/headers';
import { callerFromHeaders } from './access/caller';
import { openRead } from './entry';
import type { Reader } from './reader';
import { clusterOverview } from './session';

/**
 * Above this many pods the detail is not inlined into the HTML: the page would carry megabytes of JSON twice
 * (markup payload, then the stream's refetch on connect). The client loads it instead, once.
 */
const MAX_INLINE_PODS = 500;

/** A first connection to an unreachable cluster can take its full timeout; a page render should not wait that long. */
const RENDER_BUDGET_MS = 3000;

async function withinBudget<T>(work: () => Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), RENDER_BUDGET_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function pageRead<T>(fn: (r: Reader) => T | Promise<T>): Promise<T | undefined> {
  const h = await headers();
  return withinBudget(async () => fn(await openRead(callerFromHeaders(h))));
}

export async function clusterSnapshot() {
  const h = await headers();
  return withinBudget(() => clusterOverview(h));
}

export function sidecarSetsSnapshot() {
  return pageRead((r) => r.summaries());
}

export function sidecarSetSnapshot(name: string) {
  return pageRead((r) => r.detail(name, MAX_INLINE_PODS));
}
