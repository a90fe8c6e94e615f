import type { PartitionResponse } from '@/lib/api';
import { toClusterError } from '@/lib/cluster/cluster-error';
import { actingAs } from '@/lib/cluster/identity';
import { patchSidecarSet, readSidecarSet } from '@/lib/cluster/writes';
import { buildPartitionPatch, currentPartition, partitionProblem, partitionRequestSchema, type IntOrString } from '@/lib/sidecarset';
import type { Caller } from '../access/caller';
import { mutationLimiter } from '../access/rate-limit';
import { DashboardError } from '../http/dashboard-error';
import { requireReady, type Dashboard } from '../live/dashboard';
import { recordAudit } from './audit';
import { actor, clusterRefusal, requireSidecarSet } from './mutations';

const show = (p: IntOrString | undefined | null): string => (p === undefined || p === null ? 'unset' : JSON.stringify(p));

/**
 * Set updateStrategy.partition (canary by partition, and Advance). The JSON patch tests the partition the user
 * saw: a concurrent change is a 409 with what it is now, never overwritten. Audited like every change.
 */
export async function setPartition(d: Dashboard, name: string, body: unknown, caller?: Caller): Promise<PartitionResponse> {
  const req = partitionRequestSchema.parse(body);
  const ss = requireSidecarSet(d, name);
  const total = requireReady(d).plan(name)?.total ?? 0;
  const problem = partitionProblem(req.partition, total);
  if (problem) throw new DashboardError(422, 'PartitionTooLarge', problem);
  const before = currentPartition(ss);
  if (req.fromPartition !== undefined && show(req.fromPartition) !== show(before)) {
    throw new DashboardError(409, 'Conflict', `the partition of SidecarSet "${name}" is now ${show(before)}, not ${show(req.fromPartition)}: someone else changed it. Nothing was changed; review and try again.`);
  }
  const acting = actingAs(d.session, caller?.userToken);
  mutationLimiter().take(caller?.key ?? 'internal');
  try {
    await patchSidecarSet(acting, d.session, name, buildPartitionPatch(ss, req.partition, req.fromPartition), 'json');
  } catch (e) {
    const err = toClusterError(e);
    if (err.status === 422 || err.status === 409) {
      const now = await readSidecarSet<{ spec?: { updateStrategy?: { partition?: IntOrString } } }>(d.session, name).then((o) => o.spec?.updateStrategy?.partition, () => undefined);
      throw new DashboardError(409, 'Conflict', `the partition of SidecarSet "${name}" was changed to ${show(now)} by someone else. Nothing was overwritten; review and try again.`);
    }
    throw clusterRefusal(e);
  }
  const user = await actor(acting, caller);
  await recordAudit(d, {
    user, reason: 'DashboardPartition', sidecarSet: name,
    message: `${user} set the partition from ${show(before)} to ${show(req.partition)} (SidecarSet Dashboard, context ${d.session.context})`,
  });
  return { name, from: before, partition: req.partition };
}
