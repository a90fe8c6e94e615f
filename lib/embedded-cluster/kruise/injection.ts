/**
 * The pod mutating webhook's SidecarSet part on Pod CREATE (spec §2; pkg/webhook/pod/mutating/sidecarset.go,
 * sidecarset_hotupgrade.go). Pure: returns a new pod, throws InjectionError where Kruise rejects the pod.
 *
 * Not modelled: `resourcesPolicy` (sidecar resources computed from app containers) is not applied; the
 * EnableSortSidecarContainerByName gate is an option. Historical revisions (injectionStrategy.revision) are
 * only injected if the caller supplies `resolveRevision`; otherwise the latest spec is injected.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import { goRoundTrip } from './go-json';
import { sidecarSetHash, sidecarSetHashWithoutImage } from './hash';
import {
  mergeEnvVars,
  mergeSecrets,
  mergeVolumeDevices,
  mergeVolumeMounts,
  mergeVolumes,
  sharedVolumeDevices,
  sharedVolumeMountsAndEnvs,
  transferEnvs,
} from './injection-helpers';
import { canaryBase, isActivePod, podMatchesSidecarSet, podNamespace } from './membership';
import { patchPodMetadata } from './patch-metadata';
import { parseUpgradeSpecs, parseWorkingMap, serializeStringMap, serializeUpgradeSpecs, toGoTime } from './pod-annotations';
import { isHotUpgradeContainer } from './pod-state';
import { orderCandidates, suitableRevision, type RevisionResolver } from './injection-revision';
import {
  BEFORE_APP_CONTAINER,
  SIDECAR_INJECTED_ENV,
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
  SIDECARSET_INJECTED_LIST_ANNOTATION,
  SIDECARSET_VERSION_ALT_ENV,
  SIDECARSET_VERSION_ENV,
  SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION,
  versionAltAnnotation,
  versionAnnotation,
  type SidecarContainer,
  type SidecarSet,
  type SidecarSetUpgradeSpec,
} from './types';

export class InjectionError extends Error {}

export interface InjectionOptions {
  /** Restores a pinned revision (see revision.ts sidecarSetFromRevision); may throw to reject the pod. */
  resolveRevision?: RevisionResolver;
  /** Random number in [0,1) for policy Partial with a percentage partition; default: always the latest. */
  random?: () => number;
  /** Feature gate EnableSortSidecarContainerByName (default false). */
  sortSidecarContainersByName?: boolean;
}

/** A SidecarSet container as it appears in the pod: the corev1.Container part after a Go round trip. */
function toPodContainer(c: SidecarContainer): SidecarContainer {
  return { ...goRoundTrip<Container>(c, 'Container'), podInjectPolicy: c.podInjectPolicy };
}

/** The API server defaults fieldRef.apiVersion to v1 after the webhook, so the stored pod has it. */
function versionEnv(name: string, annotation: string): NonNullable<Container['env']>[number] {
  return { name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${annotation}']` } } };
}

/** generateHotUpgradeContainers + injectHotUpgradeContainers: X-1 works, X-2 runs the empty image. */
function hotUpgradePair(c: SidecarContainer, working: Record<string, string>, annotations: Record<string, string>): SidecarContainer[] {
  const [n1, n2] = [`${c.name}-1`, `${c.name}-2`];
  const pair = [n1, n2].map((name) => {
    const copy: SidecarContainer = { ...structuredClone(c), name };
    copy.env = [...(copy.env ?? []), versionEnv(SIDECARSET_VERSION_ENV, versionAnnotation(name)),
      versionEnv(SIDECARSET_VERSION_ALT_ENV, versionAltAnnotation(name))];
    return copy;
  });
  const second = pair[1];
  if (second) second.image = c.upgradeStrategy?.hotUpgradeEmptyImage;
  annotations[versionAnnotation(n1)] = '1';
  annotations[versionAltAnnotation(n1)] = '0';
  annotations[versionAnnotation(n2)] = '0';
  annotations[versionAltAnnotation(n2)] = '1';
  working[c.name] = n1;
  annotations[SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION] = serializeStringMap(working);
  return pair;
}

/** Volume mounts/devices, IS_INJECTED and transferred env applied to one sidecar (init or regular). */
function prepareSidecar(c: SidecarContainer, pod: Pod, volumes: Map<string, Volume>, used: Volume[]): SidecarContainer {
  const s = structuredClone(c);
  const shared = sharedVolumeMountsAndEnvs(s, pod);
  const transfer = mergeEnvVars(transferEnvs(s, pod), shared.envs);
  for (const ref of [...(s.volumeMounts ?? []), ...(s.volumeDevices ?? [])]) {
    const v = volumes.get(ref.name);
    if (v) used.push(v);
  }
  s.volumeMounts = mergeVolumeMounts(s, shared.mounts);
  s.env = mergeEnvVars([...(s.env ?? []), { name: SIDECAR_INJECTED_ENV, value: 'true' }], transfer);
  s.volumeDevices = mergeVolumeDevices(s, sharedVolumeDevices(s, pod));
  return s;
}

interface Built {
  containers: SidecarContainer[];
  initContainers: SidecarContainer[];
  secrets: NonNullable<NonNullable<Pod['spec']>['imagePullSecrets']>;
  volumes: Volume[];
  annotations: Record<string, string>;
}

function parseExistingSpecs(pod: Pod, key: string): Record<string, SidecarSetUpgradeSpec> {
  const raw = pod.metadata?.annotations?.[key];
  const parsed = parseUpgradeSpecs(raw);
  if (!parsed.ok) {
    throw new InjectionError(`pod(${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}) invalid annotations[${key}] value ${raw ?? ''}, unmarshal failed`);
  }
  if (!parsed.legacy) return parsed.specs;
  // Legacy entries keep the map key as their name (sidecarset.go:372-384).
  return Object.fromEntries(Object.entries(parsed.specs).map(([k, s]) => [k, { ...s, sidecarSetName: k }]));
}

/** buildSidecars for CREATE. */
function buildSidecars(pod: Pod, sidecarSets: readonly SidecarSet[], now: string): Built {
  const out: Built = { containers: [], initContainers: [], secrets: [], volumes: [], annotations: {} };
  const hashes = parseExistingSpecs(pod, SIDECARSET_HASH_ANNOTATION);
  const hashesNoImage = parseExistingSpecs(pod, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION);
  const working = parseWorkingMap(pod);
  const injectedList = new Set((pod.metadata?.annotations?.[SIDECARSET_INJECTED_LIST_ANNOTATION] ?? '').split(',').filter(Boolean));
  for (const ss of sidecarSets) {
    const name = ss.metadata.name ?? '';
    injectedList.add(name);
    const volumes = new Map((ss.spec.volumes ?? []).map((v) => [v.name, v]));
    const sidecarList = new Set<string>();
    let injecting = false;
    for (const init of ss.spec.initContainers ?? []) {
      if (init.restartPolicy === 'Always') sidecarList.add(init.name);
      const s = prepareSidecar(init, pod, volumes, out.volumes);
      injecting = true;
      if (init.restartPolicy === 'Always' && isHotUpgradeContainer(init)) out.initContainers.push(...hotUpgradePair(s, working, out.annotations));
      else out.initContainers.push(s);
    }
    out.secrets.push(...(ss.spec.imagePullSecrets ?? []));
    for (const c of ss.spec.containers ?? []) {
      sidecarList.add(c.name);
      const s = prepareSidecar(c, pod, volumes, out.volumes);
      injecting = true;
      if (isHotUpgradeContainer(c)) out.containers.push(...hotUpgradePair(s, working, out.annotations));
      else out.containers.push(s);
    }
    if (!injecting) continue;
    const list = [...sidecarList].sort();
    hashes[name] = {
      updateTimestamp: now, hash: sidecarSetHashFor(ss), sidecarSetName: name, sidecarList: list,
      ...(ss.status?.latestRevision ? { controllerRevision: ss.status.latestRevision } : {}),
    };
    hashesNoImage[name] = { updateTimestamp: now, hash: sidecarSetHashWithoutImageFor(ss), sidecarSetName: name, sidecarList: list };
  }
  out.annotations[SIDECARSET_HASH_ANNOTATION] = serializeUpgradeSpecs(hashes);
  out.annotations[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] = serializeUpgradeSpecs(hashesNoImage);
  out.annotations[SIDECARSET_INJECTED_LIST_ANNOTATION] = [...injectedList].sort().join(',');
  return out;
}

/** The SidecarSet's own annotations are authoritative; recompute only if a caller passes an undefaulted object. */
const sidecarSetHashFor = (ss: SidecarSet): string =>
  ss.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION] ?? sidecarSetHash(ss.spec);
const sidecarSetHashWithoutImageFor = (ss: SidecarSet): string =>
  ss.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] ?? sidecarSetHashWithoutImage(ss.spec);

/** mergeSidecarContainers: same-name containers are replaced in place, others prepended/appended by policy. */
function mergeContainers(origins: readonly Container[], injected: readonly SidecarContainer[]): Container[] {
  const result = [...origins];
  const index = new Map(origins.map((c, i) => [c.name, i]));
  const before: Container[] = [];
  const after: Container[] = [];
  for (const s of injected) {
    const { podInjectPolicy, ...container } = toPodContainer(s);
    const i = index.get(container.name);
    if (i !== undefined) result[i] = container;
    else if (podInjectPolicy === BEFORE_APP_CONTAINER) before.push(container);
    else after.push(container); // AfterAppContainer, and (undefaulted) anything else
  }
  return [...before, ...result, ...after];
}

/**
 * Pod CREATE mutation. `sidecarSets` are all SidecarSets (v1beta1, defaulted); `namespaceLabels` are the
 * labels of the pod's Namespace (undefined if it does not exist); `nowIso` is the webhook's "now".
 */
export function injectSidecars(
  pod: Pod,
  sidecarSets: readonly SidecarSet[],
  namespaceLabels: Record<string, string> | undefined,
  nowIso: string,
  options: InjectionOptions = {},
): Pod {
  const out = structuredClone(pod);
  if (!isActivePod(out)) return out;
  const matched: SidecarSet[] = [];
  const bases = new Set<string>();
  for (const ss of orderCandidates(sidecarSets, podNamespace(out))) {
    if (ss.spec.injectionStrategy?.paused || !podMatchesSidecarSet(ss, out, namespaceLabels)) continue;
    const suitable = suitableRevision(ss, out, options.resolveRevision, options.random);
    const base = canaryBase(suitable);
    if (base !== undefined) bases.add(base);
    matched.push(suitable);
  }
  if (matched.length === 0) return out;
  const sets = matched.filter((ss) => !bases.has(ss.metadata.name ?? ''));
  out.metadata = { ...(out.metadata ?? {}) };
  let annotations = { ...(out.metadata.annotations ?? {}) };
  for (const ss of sets) annotations = patchPodMetadata(annotations, ss.spec.patchPodMetadata).annotations;
  out.metadata.annotations = annotations;
  const built = buildSidecars(out, sets, toGoTime(nowIso) ?? nowIso);
  if (built.containers.length === 0 && built.initContainers.length === 0) return out;
  const spec = (out.spec ??= { containers: [] });
  const inits = [...built.initContainers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const initContainers = mergeContainers(spec.initContainers ?? [], inits);
  if (initContainers.length) spec.initContainers = initContainers;
  const containers = options.sortSidecarContainersByName
    ? [...built.containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    : built.containers;
  spec.containers = mergeContainers(spec.containers ?? [], containers);
  const volumes = mergeVolumes(spec.volumes ?? [], built.volumes);
  if (volumes.length) spec.volumes = volumes;
  const secrets = mergeSecrets(spec.imagePullSecrets ?? [], built.secrets);
  if (secrets.length) spec.imagePullSecrets = secrets;
  else delete spec.imagePullSecrets;
  out.metadata.annotations = { ...annotations, ...built.annotations };
  return out;
}
