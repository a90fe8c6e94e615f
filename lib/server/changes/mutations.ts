import type { UpgradeResponse } from '@/lib/api';
import { z } from 'zod';
import { buildUpgradePatch, pausePatch, upgradeRequestSchema, type SidecarSet } from '@/lib/sidecarset';
import { toClusterError } from '@/lib/cluster/cluster-error';
import { patchSidecarSet, readSidecarSet } from '@/lib/cluster/writes';
import type { Caller } from '../access/caller';
import { recordAudit } from './audit';
import { requireReady, type Dashboard } from '../live/dashboard';
import { actingAs, whoAmI, type Acting } from '@/lib/cluster/identity';
import { mutationLimiter } from '../access/rate-limit';
import { DashboardError } from '../http/dashboard-error';

export const upgradeBodySchema = upgradeRequestSchema.extend({
  /** The image the user saw when they opened the dialog: a different current image means someone else changed it. */
  fromImage: z.string().max(512).optional(),
}).strict();

export function requireSidecarSet(d: Dashboard, name: string): SidecarSet {
  const ss = requireReady(d).sidecarSet(name);
  if (!ss) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
  return ss;
}

/** The cluster's refusal, passed on with its own status and words (403 stays 403, 422 stays 422). */
export function clusterRefusal(e: unknown): DashboardError {
  const err = toClusterError(e);
  return new DashboardError(err.status, err.reason, err.message);
}

/**
 * Change one sidecar's image with a JSON patch that first tests the image the user saw: if someone else changed
 * it meanwhile the cluster refuses the patch, and we answer 409 with what it is now. Nothing is overwritten.
 */
export async function upgradeSidecarSet(d: Dashboard, name: string, body: unknown, caller?: Caller): Promise<UpgradeResponse> {
  const req = upgradeBodySchema.parse(body);
  const ss = requireSidecarSet(d, name);
  // The patch tests the image the user saw (when they said), not the cache's: a cache that lags behind a
  // concurrent change must not turn the user's decision into one about an image they never saw.
  const built = buildUpgradePatch(ss, req.container, req.image, req.fromImage);
  if (!built.ok && built.code === 'ContainerNotFound') throw new DashboardError(422, 'ContainerNotFound', built.message);
  const expected = req.fromImage ?? (built.ok ? built.from : req.image);
  if (req.fromImage !== undefined && built.ok && built.from !== req.fromImage) {
    throw new DashboardError(409, 'Conflict', `container "${req.container}" of SidecarSet "${name}" is now ${built.from ?? '<none>'}, not ${req.fromImage}: someone else changed it. Nothing was changed; review and try again.`);
  }
  if (!built.ok) throw new DashboardError(422, 'ImageUnchanged', built.message);
  const acting = actingAs(d.session, caller?.userToken);
  mutationLimiter().take(caller?.key ?? 'internal');
  // Probe from before the change, so even a fast first pod shows its old version answering first.
  const probe = d.probe?.begin(name);
  try {
    await patchSidecarSet(acting, d.session, name, built.patch, 'json');
  } catch (e) {
    if (probe) d.probe?.cancel(probe);
    const err = toClusterError(e);
    if (err.status === 422 || err.status === 409) {
      const now = await currentImage(d, name, built.containerIndex).catch(() => undefined);
      if (now !== undefined && now !== expected) {
        throw new DashboardError(409, 'Conflict', `container "${req.container}" of SidecarSet "${name}" was changed to ${now} by someone else while you were deciding. Nothing was overwritten; review and try again.`);
      }
    }
    throw clusterRefusal(e);
  }
  const user = await actor(acting, caller);
  await recordAudit(d, {
    user, reason: 'DashboardImageChange', sidecarSet: name,
    message: `${user} changed the image of container ${req.container} from ${built.from ?? '<none>'} to ${req.image} (SidecarSet Dashboard, context ${d.session.context})`,
  });
  return { name, container: req.container, from: built.from, to: req.image };
}

async function currentImage(d: Dashboard, name: string, index: number): Promise<string | undefined> {
  const obj = await readSidecarSet<{ spec?: { containers?: Array<{ image?: string }> } }>(d.session, name);
  return obj.spec?.containers?.[index]?.image;
}

/** Pause and resume take no options: the body must be `{}` (anything else is a client bug, refused with 400). */
export const emptyBodySchema = z.strictObject({});

export async function setPaused(d: Dashboard, name: string, paused: boolean, body: unknown, caller?: Caller): Promise<{ name: string; paused: boolean }> {
  emptyBodySchema.parse(body);
  requireSidecarSet(d, name);
  const acting = actingAs(d.session, caller?.userToken);
  mutationLimiter().take(caller?.key ?? 'internal');
  try {
    await patchSidecarSet(acting, d.session, name, pausePatch(paused), 'merge');
  } catch (e) {
    throw clusterRefusal(e);
  }
  const user = await actor(acting, caller);
  await recordAudit(d, {
    user, reason: paused ? 'DashboardPause' : 'DashboardResume', sidecarSet: name,
    message: `${user} ${paused ? 'paused' : 'resumed'} the rollout (SidecarSet Dashboard, context ${d.session.context})`,
  });
  return { name, paused };
}

/** The name the audit records: the authenticating proxy's user when trusted, else who the cluster says we are. */
export async function actor(acting: Acting, caller: Caller | undefined): Promise<string> {
  if (caller?.proxyUser) return caller.proxyUser;
  return whoAmI(acting).catch(() => 'unknown');
}
