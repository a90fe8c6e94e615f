/**
 * A SidecarSet's history as Kruise keeps it (spec §1.7): ControllerRevisions in Kruise's namespace, labelled
 * `kruise.io/sidecarset-name`, whose `data` is `{"spec": {"$patch": "replace", containers, initContainers,
 * volumes, imagePullSecrets, patchPodMetadata}}`. Read, compared field by field, and turned back into a spec.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { SidecarSet, SidecarSetSpecV1beta1 } from './types';

export const SIDECARSET_NAME_LABEL = 'kruise.io/sidecarset-name';
export const CUSTOM_VERSION_LABEL = 'apps.kruise.io/sidecarset-custom-version';
/** What a revision records of the spec; everything else (selector, strategy, ...) is not part of history. */
export const REVISION_FIELDS = ['containers', 'initContainers', 'volumes', 'imagePullSecrets', 'patchPodMetadata'] as const;
export type RevisionField = (typeof REVISION_FIELDS)[number];

export interface SidecarSetRevision {
  name: string;
  revision: number;
  createdAt?: string;
  customVersion?: string;
  /** Container name → image, sidecars then init containers. */
  images: Record<string, string>;
  spec: Partial<Pick<SidecarSetSpecV1beta1, RevisionField>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** undefined when the revision is not this SidecarSet's, or its data is not a SidecarSet revision. */
export function parseRevision(cr: ControllerRevision, sidecarSet: string): SidecarSetRevision | undefined {
  if (cr.metadata?.labels?.[SIDECARSET_NAME_LABEL] !== sidecarSet || !cr.metadata.name) return undefined;
  const data: unknown = cr.data;
  if (!isObject(data) || !isObject(data.spec)) return undefined;
  const recorded = data.spec;
  const spec: Record<string, unknown> = {};
  for (const f of REVISION_FIELDS) if (recorded[f] !== undefined && recorded[f] !== null) spec[f] = recorded[f];
  const images: Record<string, string> = {};
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list : []) if (isObject(c) && typeof c.name === 'string' && typeof c.image === 'string') images[c.name] = c.image;
  }
  return {
    name: cr.metadata.name,
    revision: cr.revision,
    createdAt: cr.metadata.creationTimestamp,
    customVersion: cr.metadata.labels?.[CUSTOM_VERSION_LABEL],
    images,
    spec: spec as SidecarSetRevision['spec'],
  };
}

/** Oldest first, as Kruise orders history (by `.revision`). */
export function sortRevisions(revs: SidecarSetRevision[]): SidecarSetRevision[] {
  return [...revs].sort((a, b) => a.revision - b.revision || a.name.localeCompare(b.name));
}

export interface RevisionChange {
  /** e.g. `containers[mosn].image`, `containers[mosn].env`, `volumes`. */
  path: string;
  from?: unknown;
  to?: unknown;
}

/** JSON with object keys sorted: a revision's data comes from Go's encoder (struct order), the spec from the API. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function byName(list: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const c of Array.isArray(list) ? list : []) if (isObject(c) && typeof c.name === 'string') out.set(c.name, c);
  return out;
}

/** What changed from `a` to `b`: per container and field (image, env, anything else), then the other fields whole. */
export function revisionDiff(a: SidecarSetRevision['spec'], b: SidecarSetRevision['spec']): RevisionChange[] {
  const changes: RevisionChange[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    const from = byName(a[list]);
    const to = byName(b[list]);
    for (const name of new Set([...from.keys(), ...to.keys()])) {
      const x = from.get(name);
      const y = to.get(name);
      if (!x || !y) {
        changes.push({ path: `${list}[${name}]`, from: x, to: y });
        continue;
      }
      for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort((p, q) => (p === 'image' ? -1 : q === 'image' ? 1 : p.localeCompare(q)))) {
        if (!same(x[key], y[key])) changes.push({ path: `${list}[${name}].${key}`, from: x[key], to: y[key] });
      }
    }
  }
  for (const f of ['volumes', 'imagePullSecrets', 'patchPodMetadata'] as const) {
    if (!same(a[f] ?? null, b[f] ?? null)) changes.push({ path: f, from: a[f], to: b[f] });
  }
  return changes;
}

/** The revision fields of the SidecarSet as it is now, to compare with a revision. */
export function revisionFieldsOf(ss: SidecarSet): SidecarSetRevision['spec'] {
  const spec: Record<string, unknown> = {};
  for (const f of REVISION_FIELDS) if (ss.spec[f] !== undefined && ss.spec[f] !== null) spec[f] = ss.spec[f];
  return spec as SidecarSetRevision['spec'];
}
