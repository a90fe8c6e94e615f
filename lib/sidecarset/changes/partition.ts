/**
 * Setting updateStrategy.partition from the dashboard: a count or a percentage, checked as Kruise would resolve
 * it, written with a JSON patch that tests the value the user saw so a concurrent change is refused, not lost.
 */
import { z } from 'zod';
import type { IntOrString, SidecarSet } from '../kruise/types';
import type { JsonPatchOp } from './upgrade-request';

/** `2` or `"50%"`: a non-negative integer, or an integer percentage 0-100 (what intstr and Kruise accept). */
export const partitionValueSchema = z.union([
  z.number().int('partition must be a whole number of pods').min(0, 'partition must not be negative'),
  z.string().regex(/^(100|[1-9]?\d)%$/, 'partition must be a count (e.g. 2) or a percentage from 0% to 100% (e.g. "50%")'),
]);

export const partitionRequestSchema = z.strictObject({
  partition: partitionValueSchema,
  /** The partition the user saw (absent: unset); a different current value means someone else changed it. */
  fromPartition: z.union([partitionValueSchema, z.null()]).optional(),
});

export type PartitionRequest = z.infer<typeof partitionRequestSchema>;

/** A count above the SidecarSet's pods holds nothing more than all of them: refused so the intent is explicit. */
export function partitionProblem(partition: IntOrString, podCount: number): string | undefined {
  if (typeof partition === 'number' && partition > podCount) {
    return `partition ${partition} is more than the ${podCount} pod(s) of the SidecarSet; use ${podCount} (or "100%") to hold them all`;
  }
  return undefined;
}

export function currentPartition(ss: SidecarSet): IntOrString | undefined {
  return ss.spec.updateStrategy?.partition ?? undefined;
}

/** test (the value the user saw, or that it is unset) then set, on /spec/updateStrategy/partition. */
export function buildPartitionPatch(ss: SidecarSet, partition: IntOrString, seen?: IntOrString | null): JsonPatchOp[] {
  const path = '/spec/updateStrategy/partition';
  const expected = seen === undefined ? currentPartition(ss) : (seen ?? undefined);
  const ops: JsonPatchOp[] = [];
  if (!ss.spec.updateStrategy) ops.push({ op: 'add', path: '/spec/updateStrategy', value: {} });
  if (expected === undefined) {
    // Nothing to test against: `add` fails nowhere, so test that the strategy has no partition via its object.
    if (ss.spec.updateStrategy) ops.push({ op: 'test', path: '/spec/updateStrategy', value: ss.spec.updateStrategy });
    ops.push({ op: 'add', path, value: partition });
  } else {
    ops.push({ op: 'test', path, value: expected }, { op: 'replace', path, value: partition });
  }
  return ops;
}
