/**
 * Rolling a SidecarSet back to one of its ControllerRevisions: the revision's recorded fields (containers, init
 * containers, volumes, pull secrets, pod metadata patches) are re-applied with a JSON patch that first tests each
 * field as the user saw it, so a concurrent change is refused (409), never overwritten. Kruise then rolls the
 * pods as for any change: an image-only difference hot-upgrades in place.
 */
import { z } from 'zod';
import { dns1123Subdomain } from '../kruise/names';
import { REVISION_FIELDS, revisionFieldsOf, type SidecarSetRevision } from '../kruise/revisions';
import type { SidecarSet } from '../kruise/types';
import type { JsonPatchOp } from './upgrade-request';

export const rollbackRequestSchema = z.strictObject({
  revision: dns1123Subdomain('revision'),
  /** The revision the user saw as current (status.latestRevision): a different one means someone else changed it. */
  fromRevision: z.string().max(253).optional(),
});

export function buildRollbackPatch(ss: SidecarSet, target: SidecarSetRevision): JsonPatchOp[] {
  const now = revisionFieldsOf(ss);
  const ops: JsonPatchOp[] = [];
  for (const f of REVISION_FIELDS) {
    const path = `/spec/${f}`;
    const before = now[f];
    const after = target.spec[f];
    if (before !== undefined) {
      ops.push({ op: 'test', path, value: before });
      ops.push(after !== undefined ? { op: 'replace', path, value: after } : { op: 'remove', path });
    } else if (after !== undefined) {
      ops.push({ op: 'add', path, value: after });
    }
  }
  return ops;
}
