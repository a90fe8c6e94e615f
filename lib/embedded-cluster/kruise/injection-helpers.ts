/**
 * Building blocks of the pod injection (pkg/control/sidecarcontrol/util.go:318-439, pkg/util/pods.go merges):
 * shared volume mounts/devices, transferEnv and the order-preserving merge helpers.
 */
import type { Container, EnvVar, LocalObjectReference, Pod, Volume, VolumeDevice, VolumeMount } from 'kubernetes-types/core/v1';
import { isQualifiedName, splitMaybeSubscriptedPath } from './k8s-names';
import { SHARE_VOLUME_ENABLED, SIDECAR_INJECTED_ENV, type SidecarContainer } from './types';

const SUBPATH_EXPR_ENV_RE = /\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g;

/** App containers: those without IS_INJECTED=true. */
const appContainers = (pod: Pod): Container[] =>
  (pod.spec?.containers ?? []).filter((c) => !(c.env ?? []).some((e) => e.name === SIDECAR_INJECTED_ENV && e.value === 'true'));

/**
 * GetInjectedVolumeMountsAndEnvs: with shareVolumePolicy enabled, every app container mount, plus the env vars
 * its subPathExpr references (from the same container).
 */
export function sharedVolumeMountsAndEnvs(sidecar: SidecarContainer, pod: Pod): { mounts: VolumeMount[]; envs: EnvVar[] } {
  if (sidecar.shareVolumePolicy?.type !== SHARE_VOLUME_ENABLED) return { mounts: [], envs: [] };
  const mounts: VolumeMount[] = [];
  const envs: EnvVar[] = [];
  for (const app of appContainers(pod)) {
    for (const m of app.volumeMounts ?? []) {
      mounts.push(m);
      for (const match of (m.subPathExpr ?? '').matchAll(SUBPATH_EXPR_ENV_RE)) {
        const env = (app.env ?? []).find((e) => e.name === match[1]);
        if (env) envs.push(env);
      }
    }
  }
  return { mounts, envs };
}

/** GetInjectedVolumeDevices, gated by shareVolumeDevicePolicy. */
export function sharedVolumeDevices(sidecar: SidecarContainer, pod: Pod): VolumeDevice[] {
  if (sidecar.shareVolumeDevicePolicy?.type !== SHARE_VOLUME_ENABLED) return [];
  return appContainers(pod).flatMap((c) => c.volumeDevices ?? []);
}

/** ExtractContainerNameFromFieldPath: `metadata.annotations['k']` or `metadata.labels['k']` of the pod. */
function containerNameFromFieldPath(fieldPath: string, pod: Pod): string | undefined {
  const { path, subscript, ok } = splitMaybeSubscriptedPath(fieldPath);
  if (!ok) return undefined;
  if (path === 'metadata.annotations') {
    return isQualifiedName(subscript.toLowerCase()).length ? undefined : (pod.metadata?.annotations?.[subscript] ?? '');
  }
  if (path === 'metadata.labels') {
    return isQualifiedName(subscript).length ? undefined : (pod.metadata?.labels?.[subscript] ?? '');
  }
  return undefined;
}

/** GetSidecarTransferEnvs: env vars copied from app containers, env names in sorted order per entry. */
export function transferEnvs(sidecar: SidecarContainer, pod: Pod): EnvVar[] {
  const envsInPod = new Map<string, EnvVar>();
  for (const c of pod.spec?.containers ?? []) for (const e of c.env ?? []) envsInPod.set(`${c.name}/${e.name}`, e);
  const out: EnvVar[] = [];
  for (const t of sidecar.transferEnv ?? []) {
    const names = new Set<string>(t.envNames ?? []);
    if (t.envName) names.add(t.envName);
    let source = t.sourceContainerName ?? '';
    const ref = t.sourceContainerNameFrom?.fieldRef;
    if (ref) {
      const fromRef = containerNameFromFieldPath(ref.fieldPath, pod);
      if (fromRef === undefined) continue;
      source = fromRef;
    }
    for (const name of [...names].sort()) {
      const env = envsInPod.get(`${source}/${name}`);
      if (env) out.push(env);
    }
  }
  return out;
}

/** util.MergeEnvVar: append the additional vars whose names are new. */
export function mergeEnvVars(original: readonly EnvVar[], additional: readonly EnvVar[]): EnvVar[] {
  const names = new Set(original.map((e) => e.name));
  const out = [...original];
  for (const e of additional) {
    if (names.has(e.name)) continue;
    out.push(e);
    names.add(e.name);
  }
  return out;
}

/** util.MergeVolumeMounts: append mounts whose path is not used by a mount or device of the container. */
export function mergeVolumeMounts(container: Container, additional: readonly VolumeMount[]): VolumeMount[] {
  const paths = new Set([
    ...(container.volumeMounts ?? []).map((m) => m.mountPath),
    ...(container.volumeDevices ?? []).map((d) => d.devicePath),
  ]);
  const out = [...(container.volumeMounts ?? [])];
  for (const m of additional) {
    if (paths.has(m.mountPath)) continue;
    out.push(m);
    paths.add(m.mountPath);
  }
  return out;
}

/** util.MergeVolumeDevices. */
export function mergeVolumeDevices(container: Container, additional: readonly VolumeDevice[]): VolumeDevice[] {
  const paths = new Set([
    ...(container.volumeDevices ?? []).map((d) => d.devicePath),
    ...(container.volumeMounts ?? []).map((m) => m.mountPath),
  ]);
  const out = [...(container.volumeDevices ?? [])];
  for (const d of additional) {
    if (paths.has(d.devicePath)) continue;
    out.push(d);
    paths.add(d.devicePath);
  }
  return out;
}

/** util.MergeVolumes: by name, the pod's own volumes win. */
export function mergeVolumes(original: readonly Volume[], additional: readonly Volume[]): Volume[] {
  const names = new Set(original.map((v) => v.name));
  const out = [...original];
  for (const v of additional) {
    if (names.has(v.name)) continue;
    out.push(v);
    names.add(v.name);
  }
  return out;
}

/** mergeSidecarSecrets: deduplicated by name, pod's first. */
export function mergeSecrets(inPod: readonly LocalObjectReference[], fromSidecars: readonly LocalObjectReference[]): LocalObjectReference[] {
  const seen = new Set<string>();
  const out: LocalObjectReference[] = [];
  for (const s of [...inPod, ...fromSidecars]) {
    const name = s.name ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(s);
  }
  return out;
}
