/**
 * ControllerRevisions of a SidecarSet (spec §1.7; history_control.go NewRevision, GetHistorySidecarSet),
 * as plain objects: building the revision for the current spec and restoring a SidecarSet from one.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { isPlainObject } from '../types';
import { controllerRevisionData, controllerRevisionHash, controllerRevisionName, sidecarSetHash, sidecarSetHashWithoutImage } from './hash';
import {
  DEFAULT_KRUISE_NAMESPACE,
  SIDECARSET_CUSTOM_VERSION_LABEL,
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
  SIDECARSET_KIND,
  SIDECARSET_NAME_LABEL,
  SIDECARSET_V1BETA1,
  type SidecarSet,
  type SidecarSetSpec,
} from './types';

/**
 * The ControllerRevision Kruise would create for `ss` (name included). On a name collision with different
 * data the caller bumps `collisionCount` and calls again.
 */
export function newControllerRevision(
  ss: SidecarSet,
  revision: number,
  collisionCount = 0,
  namespace = DEFAULT_KRUISE_NAMESPACE,
): ControllerRevision {
  const data = controllerRevisionData(ss.spec);
  const name = controllerRevisionName(ss.metadata.name ?? '', controllerRevisionHash(data, collisionCount));
  const labels: Record<string, string> = { ...(ss.metadata.labels ?? {}) };
  if (ss.spec.customVersion) labels[SIDECARSET_CUSTOM_VERSION_LABEL] = ss.spec.customVersion;
  labels[SIDECARSET_NAME_LABEL] = ss.metadata.name ?? '';
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace,
      labels,
      annotations: { ...(ss.metadata.annotations ?? {}) },
      ownerReferences: [{
        apiVersion: SIDECARSET_V1BETA1,
        kind: SIDECARSET_KIND,
        name: ss.metadata.name ?? '',
        uid: ss.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      }],
    },
    data: JSON.parse(data) as object,
    revision,
  };
}

const REVISION_SPEC_FIELDS = ['volumes', 'containers', 'initContainers', 'imagePullSecrets', 'patchPodMetadata'] as const;

/**
 * GetHistorySidecarSet: the revision's data is a strategic-merge patch with `$patch: replace` on spec, so the
 * restored spec holds only the recorded fields. Hashes come from the revision's annotations when present;
 * status.latestRevision names the revision. Used at injection when injectionStrategy.revision pins one.
 */
export function sidecarSetFromRevision(ss: SidecarSet, revision: ControllerRevision): SidecarSet {
  const data: unknown = revision.data;
  const recorded = isPlainObject(data) && isPlainObject(data.spec) ? data.spec : {};
  const spec: Record<string, unknown> = {};
  for (const k of REVISION_SPEC_FIELDS) if (recorded[k] !== undefined && recorded[k] !== null) spec[k] = structuredClone(recorded[k]);
  const restoredSpec = spec as SidecarSetSpec;
  const ann = revision.metadata?.annotations ?? {};
  const annotations = {
    ...(ss.metadata.annotations ?? {}),
    [SIDECARSET_HASH_ANNOTATION]: ann[SIDECARSET_HASH_ANNOTATION] || sidecarSetHash(restoredSpec),
    [SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]:
      ann[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] || sidecarSetHashWithoutImage(restoredSpec),
  };
  return {
    ...structuredClone(ss),
    metadata: { ...structuredClone(ss.metadata), annotations },
    spec: restoredSpec,
    status: { ...(ss.status ?? { matchedPods: 0, updatedPods: 0, readyPods: 0 }), latestRevision: revision.metadata?.name ?? '' },
  };
}
