import { ApiError, badRequest, unsupportedMediaType } from '../errors';
import { applyJsonPatch } from './json-patch';
import type { JsonObject } from './json';
import { applyMergePatch } from './merge-patch';
import { applyStrategicMergePatch } from './strategic-merge-patch';

/**
 * PATCH bodies by Content-Type, as kube-apiserver's patch handler dispatches them. The input object is never
 * modified (stored objects are frozen); the result is a fresh object.
 */

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

/** What a built-in kind accepts, in the order kube-apiserver lists them in its 415 message. */
export const BUILTIN_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
/** What a custom resource accepts: no strategic merge patch, since there are no Go struct tags to drive it. */
export const CUSTOM_RESOURCE_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];

export interface ApplyPatchOptions {
  /** False for custom resources (e.g. SidecarSet): strategic merge patch is then 415, as for CRDs. */
  strategicAllowed: boolean;
}

/** The media type without parameters (`; charset=utf-8`), lower-cased. */
export function patchMediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function serverSideApplyUnsupported(accepted: readonly string[] = BUILTIN_PATCH_TYPES): ApiError {
  const usable = accepted.filter((t) => t !== APPLY_PATCH).join(', ');
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `server-side apply (${APPLY_PATCH}) is not supported by the embedded cluster; use client-side apply ` +
      `(kubectl apply without --server-side) or another patch type - accepted media types include: ${usable}`,
  );
}

export function applyPatch(contentType: string, original: object, patchBody: unknown, opts: ApplyPatchOptions): JsonObject {
  const mediaType = patchMediaType(contentType);
  const accepted = opts.strategicAllowed ? BUILTIN_PATCH_TYPES : CUSTOM_RESOURCE_PATCH_TYPES;
  switch (mediaType) {
    case JSON_PATCH:
      return applyJsonPatch(original, patchBody);
    case MERGE_PATCH:
      return applyMergePatch(original, patchBody);
    case STRATEGIC_MERGE_PATCH:
      if (!opts.strategicAllowed) throw unsupportedMediaType(contentType, accepted);
      return applyStrategicMergePatch(original, patchBody);
    case APPLY_PATCH:
      throw serverSideApplyUnsupported(accepted);
    default:
      // The accepted list is kube-apiserver's, apply-patch+yaml included, so the text matches a real cluster.
      throw unsupportedMediaType(contentType, accepted);
  }
}

/**
 * Raw PATCH bytes to the value applyPatch takes; kube-apiserver refuses a body that is not JSON up front
 * with this 400 (apply-patch+yaml aside, which the embedded cluster does not serve).
 */
export function parsePatchBody(raw: string | Uint8Array): unknown {
  const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('invalid JSON patch');
  }
}

export { applyJsonPatch, applyMergePatch, applyStrategicMergePatch };
