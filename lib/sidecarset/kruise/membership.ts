/**
 * Which pods a SidecarSet manages: getMatchingPods (spec §1.5, §8.2). A pod is a member when it matches the
 * selectors, is active, lists the SidecarSet in its injected-list, and has the sidecar containers in the layout
 * the SidecarSet expects. Only members count in status and are ever upgraded.
 */
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { isEmptyLabelSelector, labelSelectorMatches } from './label-selector';
import type { Labels } from './label-selector';
import { injectedSidecarSets, podWorkingMap } from './pod-annotations';
import { specContainer } from './pod-state';
import { hotSlotNames, isHotUpgrade, sidecarContainersOf, sidecarSetName } from './sidecarset';
import { NAMESPACE_NAME_LABEL } from './types';
import type { SidecarSet } from './types';

/** Namespace name -> labels. */
export type NamespaceIndex = ReadonlyMap<string, Labels>;
/** What callers may pass: Namespace objects as listed, an index built once, or nothing (RBAC may forbid listing). */
export type NamespacesInput = readonly Namespace[] | NamespaceIndex | undefined;

function isIndex(n: readonly Namespace[] | NamespaceIndex): n is NamespaceIndex {
  return n instanceof Map;
}

export function namespaceIndex(namespaces: NamespacesInput): NamespaceIndex {
  if (namespaces === undefined) return new Map();
  if (isIndex(namespaces)) return namespaces;
  const index = new Map<string, Labels>();
  for (const ns of namespaces) {
    const name = ns.metadata?.name;
    if (name) index.set(name, ns.metadata?.labels ?? {});
  }
  return index;
}

/**
 * Labels of a namespace. Kubernetes (>= 1.21) stamps kubernetes.io/metadata.name on every namespace, so when the
 * namespace is unknown (not listed, or forbidden) that label alone is still a truthful answer, and it is the one
 * label v1alpha1 spec.namespace converts to. Kruise itself would treat an unreadable namespace as not matching.
 */
export function namespaceLabels(index: NamespaceIndex, namespace: string): Labels {
  return { [NAMESPACE_NAME_LABEL]: namespace, ...(index.get(namespace) ?? {}) };
}

/**
 * The namespace selector in effect: v1alpha1 spec.namespace wins and drops any namespaceSelector, as the
 * alpha->beta conversion does (spec §1.2). undefined = every namespace.
 */
export function effectiveNamespaceSelector(ss: SidecarSet): LabelSelector | undefined {
  const ns = ss.spec.namespace;
  if (ns) return { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } };
  return ss.spec.namespaceSelector ?? undefined;
}

export function podNamespace(pod: Pod): string {
  return pod.metadata?.namespace || 'default';
}

export function namespaceSelected(ss: SidecarSet, namespace: string, index: NamespaceIndex): boolean {
  const sel = effectiveNamespaceSelector(ss);
  return sel === undefined || labelSelectorMatches(sel, namespaceLabels(index, namespace));
}

/** PodMatchedSidecarSet: namespace selected and a non-empty spec.selector matches the pod labels. */
export function podMatches(ss: SidecarSet, pod: Pod, index: NamespaceIndex): boolean {
  const sel = ss.spec.selector;
  if (!sel || isEmptyLabelSelector(sel)) return false;
  return namespaceSelected(ss, podNamespace(pod), index) && labelSelectorMatches(sel, pod.metadata?.labels);
}

/** kubecontroller.IsPodActive. */
export function isActivePod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isInjected(ss: SidecarSet, pod: Pod): boolean {
  return injectedSidecarSets(pod).includes(sidecarSetName(ss));
}

/**
 * IsPodConsistentWithSidecarSet, returning what is missing (empty = consistent): a cold sidecar needs its
 * container; a hot sidecar X needs key X in the working annotation and both.
 */
export function layoutProblems(ss: SidecarSet, pod: Pod): string[] {
  const problems: string[] = [];
  const working = podWorkingMap(pod) ?? {};
  for (const c of sidecarContainersOf(ss)) {
    if (!isHotUpgrade(c)) {
      if (!specContainer(pod, c.name)) problems.push(`container ${c.name} is missing`);
      continue;
    }
    if (!Object.hasOwn(working, c.name)) problems.push(`working-container annotation has no key "${c.name}"`);
    for (const slot of hotSlotNames(c.name)) {
      if (!specContainer(pod, slot)) problems.push(`container ${slot} is missing`);
    }
  }
  return problems;
}

export interface Membership {
  matches: boolean;
  active: boolean;
  injected: boolean;
  consistentWithSS: boolean;
  /** Counted in status.matchedPods and eligible for upgrades. */
  member: boolean;
  /** Matches but was never injected, e.g. created before the SidecarSet; Kruise ignores it. */
  selectedButNotInjected: boolean;
  layoutProblems: string[];
}

export function podMembership(ss: SidecarSet, pod: Pod, namespaces: NamespacesInput): Membership {
  const index = namespaceIndex(namespaces);
  const matches = podMatches(ss, pod, index);
  const active = isActivePod(pod);
  const injected = isInjected(ss, pod);
  const problems = layoutProblems(ss, pod);
  const consistentWithSS = problems.length === 0;
  return {
    matches,
    active,
    injected,
    consistentWithSS,
    member: matches && active && injected && consistentWithSS,
    selectedButNotInjected: matches && !injected,
    layoutProblems: problems,
  };
}
