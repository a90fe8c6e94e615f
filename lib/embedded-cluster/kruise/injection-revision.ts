/**
 * Which SidecarSets are considered for a new pod, in which order, and which revision of each is injected
 * (spec §2.1, §2.5; sidecarset.go:75-87 and getSuitableRevisionSidecarSet).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../apimachinery/label-selector';
import { INJECT_REVISION_PARTIAL, NAMESPACE_NAME_LABEL, type SidecarSet, type SidecarSetInjectRevision } from './types';

/**
 * Looks up and restores the pinned revision. Return undefined for "no such revision but no error" (the latest
 * is injected); throw for a lookup error, which rejects the pod like Kruise's webhook does.
 */
export type RevisionResolver = (ss: SidecarSet, revision: SidecarSetInjectRevision) => SidecarSet | undefined;

/** fieldindex.IndexSidecarSetV1Beta1: the namespaces a SidecarSet is indexed under, or undefined for cluster scope. */
function indexedNamespaces(ss: SidecarSet): string[] | undefined {
  const sel = ss.spec.namespaceSelector;
  if (!sel) return undefined;
  const byLabel = sel.matchLabels?.[NAMESPACE_NAME_LABEL];
  if (byLabel !== undefined) return [byLabel];
  const expr = (sel.matchExpressions ?? []).find((e) => e.key === NAMESPACE_NAME_LABEL && e.operator === 'In');
  return expr ? (expr.values ?? []) : undefined;
}

const byName = (a: SidecarSet, b: SidecarSet): number => {
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Candidates as the webhook lists them: those indexed under the pod's namespace, then the cluster-scoped ones.
 * Within each group the informer cache order is unspecified; name order stands in for it.
 */
export function orderCandidates(sidecarSets: readonly SidecarSet[], namespace: string): SidecarSet[] {
  const inNamespace: SidecarSet[] = [];
  const clusterScope: SidecarSet[] = [];
  for (const ss of sidecarSets) {
    const nss = indexedNamespaces(ss);
    if (nss === undefined) clusterScope.push(ss);
    else if (nss.includes(namespace)) inNamespace.push(ss);
  }
  return [...inNamespace.sort(byName), ...clusterScope.sort(byName)];
}

/** util.ParsePercentageAsFloat64. */
function parsePercentage(s: string): number {
  if (!s.endsWith('%')) throw new Error('invalid type: string is not a percentage');
  const v = Number(s.slice(0, -1));
  if (s.length === 1 || Number.isNaN(v)) throw new Error(`strconv.ParseFloat: parsing "${s.slice(0, -1)}": invalid syntax`);
  return v / 100;
}

/** getSuitableRevisionSidecarSet for CREATE. */
export function suitableRevision(
  ss: SidecarSet,
  pod: Pod,
  resolve: RevisionResolver | undefined,
  random: (() => number) | undefined,
): SidecarSet {
  const rev = ss.spec.injectionStrategy?.revision;
  // Kruise tests the pointers for nil, so an empty string still counts as set.
  if (!rev || (rev.revisionName == null && rev.customVersion == null) || !resolve) return ss;
  const pinned = resolve(ss, rev);
  if (!pinned) return ss;
  const strategy = ss.spec.updateStrategy ?? {};
  if (strategy.paused || rev.policy !== INJECT_REVISION_PARTIAL) return pinned;
  if (strategy.selector && !matchesLabelSelector(strategy.selector, pod.metadata?.labels ?? {})) return pinned;
  const partition = strategy.partition;
  if (partition === undefined || typeof partition === 'number') return ss;
  const probability = parsePercentage(partition);
  return random !== undefined && random() <= probability ? pinned : ss;
}
