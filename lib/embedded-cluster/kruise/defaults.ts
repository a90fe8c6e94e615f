/**
 * The SidecarSet mutating webhook (spec §1.3, §1.4, §1.6): decode into the Go structs (dropping unknown keys
 * such as a misspelt `postStar`), apply apis/apps/defaults/v1beta1.go SetDefaultsSidecarSetV1beta1 including
 * the core/v1 container and volume defaults, and set both hash annotations. Idempotent.
 */
import type { HTTPGetAction, Probe, Volume } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../types';
import { goRoundTrip } from './go-json';
import { sidecarSetHash, sidecarSetHashWithoutImage } from './hash';
import { defaultImagePullPolicy } from './image';
import { roundUpMilli } from './quantity';
import {
  AFTER_APP_CONTAINER,
  BEFORE_APP_CONTAINER,
  COLD_UPGRADE,
  INJECT_REVISION_ALWAYS,
  PATCH_POLICY_RETAIN,
  ROLLING_UPDATE,
  SHARE_VOLUME_DISABLED,
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
  SIDECARSET_V1ALPHA1,
  type SidecarContainer,
  type SidecarSet,
  type SidecarSetSpec,
  type SidecarSetV1alpha1,
} from './types';

const DEFAULT_MODE = 0o644;

function defaultHttpGet(a: HTTPGetAction | undefined): void {
  if (!a) return;
  a.path ||= '/';
  a.scheme ||= 'HTTP';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHttpGet(p.httpGet);
}

function defaultResourceList(list: Record<string, string> | undefined): void {
  if (!list) return;
  for (const [k, v] of Object.entries(list)) list[k] = roundUpMilli(v);
}

/** setDefaultContainerV1beta1 (v1beta1.go:314-363). Note: startupProbe is not defaulted there either. */
function defaultSidecarContainer(c: SidecarContainer, injectPolicy: string): void {
  c.podInjectPolicy ||= injectPolicy;
  c.upgradeStrategy ??= {};
  c.upgradeStrategy.upgradeType ||= COLD_UPGRADE;
  c.shareVolumePolicy ??= {};
  c.shareVolumePolicy.type ||= SHARE_VOLUME_DISABLED;
  c.imagePullPolicy ||= defaultImagePullPolicy(c.image);
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const t of c.transferEnv ?? []) {
    const ref = t.sourceContainerNameFrom?.fieldRef;
    if (ref) ref.apiVersion ||= 'v1';
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.fieldRef;
    if (ref) ref.apiVersion ||= 'v1';
  }
  defaultResourceList(c.resources?.limits);
  defaultResourceList(c.resources?.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
}

const VOLUME_SOURCE_KEYS_IGNORED = new Set(['name']);

/** apis/apps/defaults/pod.go SetDefaultPodVolumes. */
function defaultVolume(v: Volume): void {
  const hasSource = Object.entries(v).some(([k, val]) => !VOLUME_SOURCE_KEYS_IGNORED.has(k) && isPlainObject(val));
  if (!hasSource) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const src of v.projected.sources ?? []) {
      for (const item of src.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
      if (src.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
}

/** SetDefaultsSidecarSetV1beta1 on a spec already decoded through the Go structs. */
function defaultSpec(spec: SidecarSetSpec): void {
  const us = (spec.updateStrategy ??= {});
  us.type ||= ROLLING_UPDATE;
  us.maxUnavailable ??= 1;
  us.partition ??= 0;
  for (const c of spec.initContainers ?? []) defaultSidecarContainer(c, AFTER_APP_CONTAINER);
  for (const c of spec.containers ?? []) defaultSidecarContainer(c, BEFORE_APP_CONTAINER);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  spec.revisionHistoryLimit ??= 10;
  for (const p of spec.patchPodMetadata ?? []) p.patchPolicy ||= PATCH_POLICY_RETAIN;
  const rev = spec.injectionStrategy?.revision;
  if (rev) rev.policy ||= INJECT_REVISION_ALWAYS;
}

/**
 * Returns a defaulted copy of a SidecarSet of either served version (v1alpha1 keeps its own spec shape).
 * The spec is re-encoded through the Go structs before and after defaulting, so the result has exactly the
 * fields a real Kruise stores (e.g. `resources: {}`, `injectionStrategy: {}`).
 */
export function defaultSidecarSet<T extends SidecarSet | SidecarSetV1alpha1>(ss: T): T {
  const specType = ss.apiVersion === SIDECARSET_V1ALPHA1 ? 'SidecarSetSpecV1alpha1' : 'SidecarSetSpecV1beta1';
  const spec: SidecarSetSpec = goRoundTrip(ss.spec ?? {}, specType);
  defaultSpec(spec);
  const finalSpec = goRoundTrip(spec, specType);
  const annotations = {
    ...(ss.metadata.annotations ?? {}),
    [SIDECARSET_HASH_ANNOTATION]: sidecarSetHash(finalSpec),
    [SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]: sidecarSetHashWithoutImage(finalSpec),
  };
  return { ...structuredClone(ss), metadata: { ...structuredClone(ss.metadata), annotations }, spec: finalSpec };
}
