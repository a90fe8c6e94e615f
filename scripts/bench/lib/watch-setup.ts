import { apiRequest, expectOk, firstResourceVersion, keepAliveAgent, type ApiEndpoint } from './https-client';
import type { WriteKind } from './pod-writer';
import { tsMarker } from './watch-protocol';
import { openWatchers, type WatcherPool } from './watchers';

/**
 * `count` watches on every pod, started the way an informer starts them: from the resourceVersion of a LIST
 * (here limit=1: the items are not the point), so no initial ADDED flood.
 */
export async function openPodWatchers(
  ep: ApiEndpoint, count: number, kind: WriteKind, opts: { agents?: number; cpuProfDir?: string } = {},
): Promise<WatcherPool> {
  const agent = keepAliveAgent(ep, 1);
  const r = expectOk(await apiRequest(ep, agent, 'GET', '/api/v1/pods?limit=1'), 'list for rv');
  agent.destroy();
  const rv = firstResourceVersion(r.body);
  if (rv === undefined) throw new Error('list has no resourceVersion');
  return openWatchers(ep, `/api/v1/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=1800`, count, tsMarker(kind), opts);
}
