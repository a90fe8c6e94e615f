/**
 * Initial data for server-rendered pages, read from the same shared caches the API serves (no cluster call).
 * Best effort: when the cluster is slow or not ready the page renders without it and the client fetches.
 */
import { listContexts } from '@/lib/cluster/sessions';
import { getDashboard, type Dashboard } from '@/lib/server/live/dashboards';
import { selectedContext } from '@/lib/server/http/request';
import type { ClusterResponse, SidecarSetDetailResponse, SidecarSetListResponse } from '@/lib/client/api-types';

/**
 * Above this many pods the detail is not inlined into the HTML: the page would carry megabytes of JSON twice
 * (markup payload, then the stream's refetch on connect). The client loads it instead, once.
 */
const MAX_INLINE_PODS = 500;

/** A first connection to an unreachable cluster can take its full timeout; a page render should not wait that long. */
const RENDER_BUDGET_MS = 3000;

async function dashboard(): Promise<Dashboard | undefined> {
  const context = await selectedContext();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), RENDER_BUDGET_MS);
  });
  try {
    return await Promise.race([getDashboard(context), timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function clusterSnapshot(): Promise<ClusterResponse | undefined> {
  const d = await dashboard();
  if (!d) return undefined;
  try {
    return { cluster: d.session.info(), contexts: await listContexts(d.session.context), status: d.status() };
  } catch {
    return undefined;
  }
}

export async function sidecarSetsSnapshot(): Promise<SidecarSetListResponse | undefined> {
  const d = await dashboard();
  if (!d?.views) return undefined;
  return { items: d.views.summaries(), status: d.status() };
}

export async function sidecarSetSnapshot(name: string): Promise<SidecarSetDetailResponse | undefined> {
  const d = await dashboard();
  const detail = d?.views?.detail(name);
  if (!d || !detail || detail.pods.length > MAX_INLINE_PODS) return undefined;
  return { ...detail, status: d.status() };
}
