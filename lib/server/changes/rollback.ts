import type { RevisionItem, RollbackResponse } from '@/lib/api';
import { toClusterError } from '@/lib/cluster/cluster-error';
import { actingAs } from '@/lib/cluster/identity';
import { listSidecarSetRevisions, patchSidecarSet } from '@/lib/cluster/writes';
import {
  buildRollbackPatch, parseRevision, revisionDiff, revisionFieldsOf, rollbackRequestSchema, sortRevisions, type SidecarSet, type SidecarSetRevision,
} from '@/lib/sidecarset';
import type { Caller } from '../access/caller';
import { mutationLimiter } from '../access/rate-limit';
import { DashboardError } from '../http/dashboard-error';
import { requireReady, type Dashboard } from '../live/dashboard';
import { recordAudit } from './audit';
import { actor, clusterRefusal, requireSidecarSet } from './mutations';

async function revisionsOf(d: Dashboard, name: string, caller?: Caller): Promise<SidecarSetRevision[]> {
  try {
    const list = await listSidecarSetRevisions(actingAs(d.session, caller?.userToken), name);
    return sortRevisions(list.map((cr) => parseRevision(cr, name)).filter((r): r is SidecarSetRevision => !!r));
  } catch (e) {
    throw clusterRefusal(e);
  }
}

/** The SidecarSet's history, oldest first, with what changed at each step and what a rollback to it would change. */
export async function listRevisions(d: Dashboard, name: string, caller?: Caller): Promise<RevisionItem[]> {
  const ss = requireSidecarSet(d, name);
  const revs = await revisionsOf(d, name, caller);
  const now = revisionFieldsOf(ss);
  return revs.map((r, i) => ({
    name: r.name,
    revision: r.revision,
    createdAt: r.createdAt,
    customVersion: r.customVersion,
    images: r.images,
    current: r.name === ss.status?.latestRevision,
    changes: i === 0 ? [] : revisionDiff((revs[i - 1] as SidecarSetRevision).spec, r.spec),
    rollbackChanges: revisionDiff(now, r.spec),
  }));
}

function refuseMidRollout(d: Dashboard, ss: SidecarSet, name: string): void {
  if (ss.spec.updateStrategy?.paused) {
    throw new DashboardError(409, 'Paused', `SidecarSet "${name}" is paused: resume it (or let its rollout finish) before rolling back, so the rollback is not frozen half-way too`);
  }
  const inFlight = requireReady(d).detail(name)?.summary.inFlight ?? 0;
  if (inFlight > 0) {
    throw new DashboardError(409, 'RolloutInFlight', `${inFlight} pod(s) of SidecarSet "${name}" are mid-upgrade: roll back once they finish (pause first to stop further pods)`);
  }
}

/**
 * Re-apply a revision's recorded fields, with the same safety as Upgrade: the patch tests every field as it is in
 * the view the user saw, so a concurrent change is a 409 and nothing is overwritten. Audited.
 */
export async function rollback(d: Dashboard, name: string, body: unknown, caller?: Caller): Promise<RollbackResponse> {
  const req = rollbackRequestSchema.parse(body);
  const ss = requireSidecarSet(d, name);
  const current = ss.status?.latestRevision;
  if (req.fromRevision !== undefined && req.fromRevision !== current) {
    throw new DashboardError(409, 'Conflict', `SidecarSet "${name}" is now at revision ${current ?? '<none>'}, not ${req.fromRevision}: someone else changed it. Nothing was changed; review and try again.`);
  }
  const target = (await revisionsOf(d, name, caller)).find((r) => r.name === req.revision);
  if (!target) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" has no revision "${req.revision}" (a revision of another SidecarSet does not count)`);
  const changes = revisionDiff(revisionFieldsOf(ss), target.spec);
  if (changes.length === 0) throw new DashboardError(422, 'AlreadyAtRevision', `SidecarSet "${name}" already has the fields of revision ${target.name}`);
  refuseMidRollout(d, ss, name);
  const acting = actingAs(d.session, caller?.userToken);
  mutationLimiter().take(caller?.key ?? 'internal');
  try {
    await patchSidecarSet(acting, d.session, name, buildRollbackPatch(ss, target), 'json');
  } catch (e) {
    const err = toClusterError(e);
    if (err.status === 422 || err.status === 409) {
      throw new DashboardError(409, 'Conflict', `SidecarSet "${name}" was changed by someone else while you were deciding. Nothing was overwritten; review and try again.`);
    }
    throw clusterRefusal(e);
  }
  const user = await actor(acting, caller);
  await recordAudit(d, {
    user, reason: 'DashboardRollback', sidecarSet: name,
    message: `${user} rolled back to revision ${target.name} (${changes.map((c) => c.path).join(', ')}) from ${current ?? '<none>'} (SidecarSet Dashboard, context ${d.session.context})`,
  });
  return { name, revision: target.name, from: current, changes };
}
