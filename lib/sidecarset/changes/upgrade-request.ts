/**
 * The dashboard's write operations as data: the Upgrade request body, and the patches that carry it out.
 * The image change is a JSON patch that first `test`s the current image, so a concurrent edit makes the API
 * server answer 422/409 instead of one writer silently overwriting the other.
 */
import { z } from 'zod';
import { imageRefProblem } from '../kruise/image-ref';
import { dns1123Label } from '../kruise/names';
import { sidecarContainersOf, sidecarSetName } from '../kruise/sidecarset';
import type { IntOrString, SidecarSet } from '../kruise/types';

export const upgradeRequestSchema = z.object({
  container: dns1123Label('container'),
  image: z.string().superRefine((image, ctx) => {
    const reason = imageRefProblem(image);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  }),
});

export type UpgradeRequest = z.infer<typeof upgradeRequestSchema>;

export type JsonPatchOp =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string };

export type UpgradePatchResult =
  | { ok: true; patch: JsonPatchOp[]; containerIndex: number; from?: string; to: string }
  | { ok: false; code: 'ContainerNotFound' | 'ImageUnchanged'; message: string };

/**
 * JSON patch setting spec.containers[i].image of the named sidecar. Only `image` changes, so Kruise rolls it
 * out in place (any other change would make every pod NotUpgradable, spec §1.6). The `test` op checks `seen`,
 * the image the user decided on, when given; otherwise the image in `ss`.
 */
export function buildUpgradePatch(ss: SidecarSet, container: string, image: string, seen?: string): UpgradePatchResult {
  const containers = sidecarContainersOf(ss);
  const index = containers.findIndex((c) => c.name === container);
  const current = containers[index];
  if (index < 0 || current === undefined) {
    const names = containers.map((c) => c.name).join(', ') || 'none';
    return {
      ok: false,
      code: 'ContainerNotFound',
      message: `SidecarSet ${sidecarSetName(ss)} has no container "${container}" (containers: ${names})`,
    };
  }
  if (current.image === image) {
    return { ok: false, code: 'ImageUnchanged', message: `container "${container}" already uses ${image}` };
  }
  const path = `/spec/containers/${index}/image`;
  // Without a current image there is nothing to test against; `add` creates the field.
  const patch: JsonPatchOp[] =
    (seen ?? current.image) === undefined
      ? [{ op: 'add', path, value: image }]
      : [
          { op: 'test', path, value: seen ?? current.image },
          { op: 'replace', path, value: image },
        ];
  return { ok: true, patch, containerIndex: index, from: current.image, to: image };
}

/** Merge patch (application/merge-patch+json) for pause / resume. */
export function pausePatch(paused: boolean): { spec: { updateStrategy: { paused: boolean } } } {
  return { spec: { updateStrategy: { paused } } };
}

/** Merge patch setting updateStrategy.partition (an int >= 0 or "N%"), for batch-by-batch rollouts. */
export function partitionPatch(partition: IntOrString): { spec: { updateStrategy: { partition: IntOrString } } } {
  return { spec: { updateStrategy: { partition } } };
}
