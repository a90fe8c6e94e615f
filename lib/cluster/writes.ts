/**
 * Every write the dashboard sends to a cluster (and the reads a write is checked against), so all of them go
 * through cluster access: SidecarSet patches (as the acting identity), Events (as the dashboard's own), the
 * SidecarSet and its ControllerRevisions as the cluster has them now. Bodies are plain wire JSON.
 */
import { CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Event } from 'kubernetes-types/core/v1';
import type { ClusterSession } from './cluster-session';
import { KRUISE_GROUP } from './cluster-session';
import type { Acting } from './identity';
import { getJson } from './raw';

export type PatchKind = 'json' | 'merge';

function target(session: ClusterSession, name: string) {
  return { group: KRUISE_GROUP, version: session.sidecarSetVersion ?? 'v1beta1', plural: 'sidecarsets', name };
}

/** PATCH a SidecarSet as `acting`: a JSON patch (test-then-replace) or a merge patch. Throws client-node's error. */
export async function patchSidecarSet(acting: Acting, session: ClusterSession, name: string, body: unknown, kind: PatchKind): Promise<void> {
  const type = kind === 'json' ? PatchStrategy.JsonPatch : PatchStrategy.MergePatch;
  await acting.custom.patchClusterCustomObject({ ...target(session, name), body }, setHeaderOptions('Content-Type', type));
}

/** The SidecarSet as the cluster has it now (not the cache): what a refused patch is compared with. */
export function readSidecarSet<T>(session: ClusterSession, name: string): Promise<T> {
  const t = target(session, name);
  return getJson<T>(session.kc, `/apis/${t.group}/${t.version}/sidecarsets/${name}`);
}

/** Create an Event with the session's own credentials; answers the name the server gave it. */
export async function createEvent(session: ClusterSession, namespace: string, event: Event): Promise<string> {
  // client-node's typed model wants Dates; the wire shape is what we have, so send it as plain JSON.
  const created = await session.kc.makeApiClient(CoreV1Api).createNamespacedEvent({ namespace, body: event as never });
  return created.metadata?.name ?? '';
}

/** Kruise's namespace, where a SidecarSet's ControllerRevisions live ($POD_NAMESPACE of kruise-manager, spec §1.7). */
export function kruiseNamespace(env: NodeJS.ProcessEnv = process.env): string {
  return env.DASHBOARD_KRUISE_NAMESPACE || 'kruise-system';
}

/** A SidecarSet's ControllerRevisions, read as `acting` (so in pass-through mode the person's RBAC decides). */
export async function listSidecarSetRevisions(acting: Acting, name: string): Promise<ControllerRevision[]> {
  const selector = encodeURIComponent(`kruise.io/sidecarset-name=${name}`);
  const list = await getJson<{ items?: ControllerRevision[] }>(acting.kc, `/apis/apps/v1/namespaces/${kruiseNamespace()}/controllerrevisions?labelSelector=${selector}`);
  return list.items ?? [];
}
