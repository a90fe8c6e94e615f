/**
 * spec.patchPodMetadata applied to pod annotations (util.go:488-544), at injection and again at every
 * in-place upgrade: Retain only adds missing keys, Overwrite sets them, MergePatchJson RFC 7386-merges JSON.
 */
import { isPlainObject } from '../types';
import { goMarshalRaw } from './go-json';
import { PATCH_POLICY_MERGE_PATCH_JSON, PATCH_POLICY_OVERWRITE, PATCH_POLICY_RETAIN, type SidecarSetPatchPodMetadata } from './types';

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** jsonpatch.MergePatch on two JSON documents; throws like Go returns an error on invalid JSON. */
export function mergePatchJson(original: string, patch: string): string {
  const doc = JSON.parse(original) as unknown;
  const p = JSON.parse(patch) as unknown;
  if (!isPlainObject(doc) || !isPlainObject(p)) throw new Error('Invalid JSON Document');
  return goMarshalRaw(mergePatch(doc, p));
}

/**
 * Returns the patched annotations (a new object) and whether anything changed. Throws when a
 * MergePatchJson value or the annotation it merges into is not a JSON object, as Kruise fails then.
 */
export function patchPodMetadata(
  annotations: Record<string, string> | undefined,
  patches: readonly SidecarSetPatchPodMetadata[] | undefined,
): { annotations: Record<string, string>; changed: boolean } {
  const before = annotations ?? {};
  const out: Record<string, string> = { ...before };
  for (const patch of patches ?? []) {
    const entries = Object.entries(patch.annotations ?? {});
    switch (patch.patchPolicy ?? '') {
      case PATCH_POLICY_RETAIN:
      case '':
        for (const [k, v] of entries) if (!(k in out)) out[k] = v;
        break;
      case PATCH_POLICY_OVERWRITE:
        for (const [k, v] of entries) out[k] = v;
        break;
      case PATCH_POLICY_MERGE_PATCH_JSON:
        for (const [k, v] of entries) {
          const origin = out[k];
          out[k] = origin ? mergePatchJson(origin, v) : v;
        }
        break;
      default:
        break;
    }
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(out)]);
  const changed = [...keys].some((k) => before[k] !== out[k]);
  return { annotations: out, changed };
}
