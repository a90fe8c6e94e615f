/**
 * Which pods a SidecarSet owns (spec §1.5, §8.2; pkg/control/sidecarcontrol/util.go PodMatchedSidecarSet,
 * IsPodInjectedSidecarSet, IsPodConsistentWithSidecarSet; sidecarset_processor.go getMatchingPods).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isEmptySelector, matchesLabelSelector } from '../apimachinery/label-selector';
import { injectedSidecarSetNames, parseWorkingMap } from './pod-annotations';
import { hotUpgradeContainerNames, isHotUpgradeContainer } from './pod-state';
import {
  NAMESPACE_NAME_LABEL,
  SIDECARSET_BASE_ANNOTATION,
  SIDECARSET_CANARY_ANNOTATION,
  type SidecarSet,
} from './types';

/** The namespace Kruise assumes for a pod without one. */
export const podNamespace = (pod: Pod): string => pod.metadata?.namespace || 'default';

/** Active = not Succeeded/Failed and not being deleted (controller.IsPodActive). */
export function isActivePod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/**
 * Labels of the pod's Namespace as the namespaceSelector sees them, or undefined when the Namespace does not
 * exist (then a SidecarSet with a namespaceSelector never matches). The API server always labels namespaces
 * with kubernetes.io/metadata.name, so the label is supplied if a caller's model omits it.
 */
export function effectiveNamespaceLabels(
  namespace: string,
  labels: Record<string, string> | undefined,
): Record<string, string> | undefined {
  return labels === undefined ? undefined : { ...labels, [NAMESPACE_NAME_LABEL]: namespace };
}

/** PodMatchedSidecarSet: namespaceSelector (if any) on the Namespace's labels and a non-empty pod selector. */
export function podMatchesSidecarSet(
  ss: SidecarSet,
  pod: Pod,
  namespaceLabels: Record<string, string> | undefined,
): boolean {
  const nsSel = ss.spec.namespaceSelector;
  if (nsSel) {
    const labels = effectiveNamespaceLabels(podNamespace(pod), namespaceLabels);
    if (labels === undefined) return false;
    // An empty namespaceSelector is labels.Everything(), unlike the pod selector.
    if (!isEmptySelector(nsSel) && !matchesLabelSelector(nsSel, labels)) return false;
  }
  const sel = ss.spec.selector;
  return !isEmptySelector(sel) && matchesLabelSelector(sel, pod.metadata?.labels ?? {});
}

export function isPodInjected(pod: Pod, ss: SidecarSet): boolean {
  return injectedSidecarSetNames(pod).includes(ss.metadata.name ?? '');
}

/** Looks in initContainers first, then containers, like util.GetContainer. */
function hasContainer(pod: Pod, name: string): boolean {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].some((c) => c.name === name);
}

/** Every sidecar exists in the pod; for hot sidecars both slots and the working-map key exist. */
export function isPodConsistentWithSidecarSet(pod: Pod, ss: SidecarSet): boolean {
  const working = parseWorkingMap(pod);
  return (ss.spec.containers ?? []).every((c) => {
    if (!isHotUpgradeContainer(c)) return hasContainer(pod, c.name);
    const [n1, n2] = hotUpgradeContainerNames(c.name);
    return c.name in working && hasContainer(pod, n1) && hasContainer(pod, n2);
  });
}

/** getMatchingPods' filter: the pods that count in status and take part in the rollout. */
export function isSidecarSetMember(ss: SidecarSet, pod: Pod, namespaceLabels: Record<string, string> | undefined): boolean {
  return podMatchesSidecarSet(ss, pod, namespaceLabels) && isActivePod(pod) && isPodInjected(pod, ss) &&
    isPodConsistentWithSidecarSet(pod, ss);
}

/**
 * The matched pods of a SidecarSet, in the given order (the order is the "index" Kruise sorts from).
 * `namespaceLabelsOf` returns the labels of a Namespace, or undefined if it does not exist.
 */
export function getMatchingPods(
  ss: SidecarSet,
  pods: readonly Pod[],
  namespaceLabelsOf: (namespace: string) => Record<string, string> | undefined,
): Pod[] {
  return pods.filter((p) => isSidecarSetMember(ss, p, namespaceLabelsOf(podNamespace(p))));
}

/** IsCanarySidecarSet (util.go:627-632). */
export function canaryBase(ss: SidecarSet): string | undefined {
  const a = ss.metadata.annotations ?? {};
  const base = a[SIDECARSET_BASE_ANNOTATION];
  return a[SIDECARSET_CANARY_ANNOTATION] === 'true' && base ? base : undefined;
}
