/**
 * v1alpha1 <-> v1beta1 conversion (spec §1.2, apis/apps/v1alpha1/sidecarset_conversion.go). v1beta1 is the hub
 * and the storage version. Whole objects are converted, apiVersion included; everything not named below is
 * copied as is, because the two versions share field names and JSON tags.
 */
import {
  NAMESPACE_NAME_LABEL,
  SIDECARSET_CUSTOM_VERSION_LABEL,
  SIDECARSET_V1ALPHA1,
  SIDECARSET_V1BETA1,
  type SidecarSet,
  type SidecarSetV1alpha1,
} from './types';

export function convertV1alpha1ToV1beta1(src: SidecarSetV1alpha1): SidecarSet {
  const obj = structuredClone(src);
  const { namespace, ...rest } = obj.spec ?? {};
  const spec: SidecarSet['spec'] = { ...rest };
  // v1alpha1 has no customVersion field, so a stray one would not survive Go decoding.
  delete spec.customVersion;
  // A non-empty alpha `namespace` wins and any alpha namespaceSelector is dropped (conversion.go:52-65).
  if (namespace) spec.namespaceSelector = { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
  const labels = obj.metadata.labels;
  if (labels && Object.prototype.hasOwnProperty.call(labels, SIDECARSET_CUSTOM_VERSION_LABEL)) {
    const { [SIDECARSET_CUSTOM_VERSION_LABEL]: customVersion, ...others } = labels;
    if (customVersion) spec.customVersion = customVersion;
    obj.metadata.labels = others;
  }
  return { ...obj, apiVersion: SIDECARSET_V1BETA1, spec };
}

export function convertV1beta1ToV1alpha1(src: SidecarSet): SidecarSetV1alpha1 {
  const obj = structuredClone(src);
  // `namespace` is never restored; the selector is copied (conversion.go:113-115).
  const { customVersion, ...beta } = obj.spec ?? {};
  const spec: SidecarSetV1alpha1['spec'] = { ...beta };
  delete spec.namespace;
  if (customVersion) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [SIDECARSET_CUSTOM_VERSION_LABEL]: customVersion };
  }
  return { ...obj, apiVersion: SIDECARSET_V1ALPHA1, spec };
}

/** Converts a SidecarSet of either served version to the requested one; same-version input is cloned. */
export function convertSidecarSet(
  obj: SidecarSet | SidecarSetV1alpha1,
  toApiVersion: typeof SIDECARSET_V1ALPHA1 | typeof SIDECARSET_V1BETA1,
): SidecarSet | SidecarSetV1alpha1 {
  const hub = obj.apiVersion === SIDECARSET_V1ALPHA1 ? convertV1alpha1ToV1beta1(obj) : structuredClone(obj as SidecarSet);
  return toApiVersion === SIDECARSET_V1BETA1 ? hub : convertV1beta1ToV1alpha1(hub);
}
