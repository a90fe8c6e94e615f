/**
 * The SidecarSet validating webhook `vsidecarset.kb.io` (spec §5; sidecarset_create_update_handler.go).
 * Stages run in Kruise's order; stage 5 (conflicts with other SidecarSets) runs only when 1-4 passed.
 * The webhook denies with aggregateMessage(errors) (field-errors.ts) as the reason.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { convertV1alpha1ToV1beta1 } from './conversion';
import { forbidden, invalid, required, type FieldError } from './field-errors';
import { goSyntaxStringMap } from './go-fmt';
import { isQualifiedName, isValidLabelValue, maxLenError, regexError } from './k8s-names';
import { canaryBase } from './membership';
import { isSelectorOverlapping } from './selector-overlap';
import { validateSidecarSetSpec, type SpecValidationOptions } from './validation-spec';
import {
  NOT_UPDATE,
  PATCH_POLICY_OVERWRITE,
  PATCH_POLICY_RETAIN,
  SIDECARSET_BASE_ANNOTATION,
  SIDECARSET_V1ALPHA1,
  type SidecarSet,
  type SidecarSetV1alpha1,
} from './types';

export type { FieldError } from './field-errors';

export interface SidecarSetValidationContext extends SpecValidationOptions {
  /** The stored object on UPDATE. */
  old?: SidecarSet | SidecarSetV1alpha1;
  /** All SidecarSets in the cluster (the object itself may be among them; it is skipped by name). */
  others: ReadonlyArray<SidecarSet | SidecarSetV1alpha1>;
}

const NAME_RE = /^[a-zA-Z0-9-]+$/;
const NAME_FMT = '^[a-zA-Z0-9\\-]+$';

/** validateSidecarSetName: no dots, at most 63 characters. */
function sidecarSetNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!NAME_RE.test(name)) errs.push(regexError("sidecarset name must consist of alphanumeric characters or '-'", NAME_FMT, 'example-com'));
  if (name.length > 63) errs.push(maxLenError(63));
  return errs;
}

/** genericvalidation.ValidateObjectMeta for a cluster-scoped object (name, namespace, generation, labels, annotations). */
function validateObjectMeta(meta: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    errs.push(...sidecarSetNameErrors(meta.generateName).map((m) => invalid(`${path}.generateName`, meta.generateName ?? '', m)));
  }
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...sidecarSetNameErrors(meta.name).map((m) => invalid(`${path}.name`, meta.name ?? '', m)));
  if (meta.namespace) errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  if ((meta.generation ?? 0) < 0) errs.push(invalid(`${path}.generation`, meta.generation ?? 0, 'must be greater than or equal to 0'));
  const labels = meta.labels ?? {};
  for (const k of Object.keys(labels).sort()) {
    errs.push(...isQualifiedName(k).map((m) => invalid(`${path}.labels`, k, m)));
    errs.push(...isValidLabelValue(labels[k] ?? '').map((m) => invalid(`${path}.labels`, labels[k] ?? '', m)));
  }
  for (const k of Object.keys(meta.annotations ?? {}).sort()) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(`${path}.annotations`, k, m)));
  }
  return errs;
}

const toBeta = (ss: SidecarSet | SidecarSetV1alpha1): SidecarSet =>
  ss.apiVersion === SIDECARSET_V1ALPHA1 ? convertV1alpha1ToV1beta1(ss) : (ss as SidecarSet);

/** Stage 2: canary annotations (only when the object is a canary). */
function validateCanary(ss: SidecarSet, ctx: SidecarSetValidationContext): FieldError[] {
  const base = canaryBase(ss);
  if (base === undefined) return [];
  const annotations = { goText: goSyntaxStringMap(ss.metadata.annotations) };
  const errs: FieldError[] = [];
  if (base === ss.metadata.name) errs.push(invalid('metadata', annotations, 'base sidecarSet cannot be itself'));
  if (ctx.old && ctx.old.metadata.annotations?.[SIDECARSET_BASE_ANNOTATION] !== base) {
    errs.push(invalid('metadata', annotations, `annotations[${SIDECARSET_BASE_ANNOTATION}] is immutable`));
  }
  const baseSet = ctx.others.find((o) => o.metadata.name === base);
  if (!baseSet) {
    errs.push(invalid('metadata', annotations,
      `fetch base sidecarSet[${base}] failed: sidecarsets.apps.kruise.io "${base}" not found`));
  } else if (canaryBase(toBeta(baseSet)) !== undefined) {
    errs.push(invalid('metadata', annotations, 'base sidecarSet cannot be canary'));
  }
  if (ss.spec.updateStrategy?.type !== NOT_UPDATE) {
    errs.push(invalid('metadata', annotations, 'RollingUpdate is not supported for canary sidecarSet'));
  }
  return errs;
}

/** Stage 4: on UPDATE no container may be added or renamed, and upgradeType is immutable (kruise#937). */
function validateContainerChanges(ss: SidecarSet, old: SidecarSet): FieldError[] {
  const oldTypes = new Map((old.spec.containers ?? []).map((c) => [c.name, c.upgradeStrategy?.upgradeType ?? '']));
  const errs: FieldError[] = [];
  for (const c of ss.spec.containers ?? []) {
    const oldType = oldTypes.get(c.name);
    if (oldType === undefined) {
      errs.push(invalid('spec.containers.name', c.name, `container ${c.name} is not found`));
    } else if (oldType !== '' && (c.upgradeStrategy?.upgradeType ?? '') !== oldType) {
      errs.push(invalid('spec.containers.upgradeStrategy.upgradeType', c.name, `container ${c.name} upgradeType is immutable`));
    }
  }
  return errs;
}

/** Volumes are compared with reflect.DeepEqual, i.e. structurally. */
function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  }
  return v;
}

/** Stage 5: same container/initContainer name, differing volume, or Overwrite-conflicting annotation in an overlapping SidecarSet. */
function validateConflicts(ss: SidecarSet, others: readonly SidecarSet[]): FieldError[] {
  const base = canaryBase(ss);
  const overlapping = others.filter((o) => {
    if (base !== undefined && o.metadata.name === base) return false;
    if (o.metadata.name === ss.metadata.name) return false;
    const a = ss.spec.namespaceSelector;
    const b = o.spec.namespaceSelector;
    const nsOverlap = !(a && b) || isSelectorOverlapping(a, b);
    return nsOverlap && isSelectorOverlapping(ss.spec.selector, o.spec.selector);
  });
  const initIn = new Map<string, string>();
  const containerIn = new Map<string, string>();
  const volumeIn = new Map<string, SidecarSet>();
  const annotationIn = new Map<string, { name: string; policy: string }>();
  for (const o of overlapping) {
    const name = o.metadata.name ?? '';
    for (const c of o.spec.initContainers ?? []) initIn.set(c.name, name);
    for (const c of o.spec.containers ?? []) containerIn.set(c.name, name);
    for (const v of o.spec.volumes ?? []) volumeIn.set(v.name, o);
    for (const p of o.spec.patchPodMetadata ?? []) {
      if (p.patchPolicy === PATCH_POLICY_RETAIN) continue;
      for (const k of Object.keys(p.annotations ?? {})) annotationIn.set(k, { name, policy: p.patchPolicy ?? '' });
    }
  }
  const errs: FieldError[] = [];
  for (const c of ss.spec.initContainers ?? []) {
    const other = initIn.get(c.name);
    if (other !== undefined) errs.push(invalid('spec.containers', c.name, `container ${c.name} already exist in ${other}`));
  }
  for (const c of ss.spec.containers ?? []) {
    const other = containerIn.get(c.name);
    if (other !== undefined) errs.push(invalid('spec.containers', c.name, `container ${c.name} already exist in ${other}`));
  }
  for (const v of ss.spec.volumes ?? []) {
    const other = volumeIn.get(v.name);
    if (other && !deepEqual(v, (other.spec.volumes ?? []).find((x) => x.name === v.name))) {
      errs.push(invalid('spec.volumes', v.name, `volume ${v.name} is in conflict with sidecarset ${other.metadata.name ?? ''}`));
    }
  }
  for (const p of ss.spec.patchPodMetadata ?? []) {
    if (p.patchPolicy === PATCH_POLICY_RETAIN) continue;
    for (const k of Object.keys(p.annotations ?? {})) {
      const other = annotationIn.get(k);
      if (other && (p.patchPolicy === PATCH_POLICY_OVERWRITE || other.policy === PATCH_POLICY_OVERWRITE)) {
        errs.push(invalid('spec.patchPodMetadata', k, `annotation ${k} is in conflict with sidecarset ${other.name}`));
      }
    }
  }
  return errs;
}

/**
 * All field errors of a CREATE (ctx.old undefined) or UPDATE of `input` (either served version; a v1alpha1
 * object is converted first, so every path is a v1beta1 path). Expects the defaulted object, as admission
 * runs validation after the mutating webhook.
 */
export function validateSidecarSet(input: SidecarSet | SidecarSetV1alpha1, ctx: SidecarSetValidationContext): FieldError[] {
  const ss = toBeta(input);
  const old = ctx.old ? toBeta(ctx.old) : undefined;
  const errs: FieldError[] = [
    ...validateObjectMeta(ss.metadata, 'metadata'),
    ...validateCanary(ss, ctx),
    ...validateSidecarSetSpec(ss, ctx, (annotations) =>
      validateObjectMeta({ name: 'fake-name', annotations }, 'patchPodMetadata')),
  ];
  if (old) errs.push(...validateContainerChanges(ss, old));
  if (errs.length) return errs;
  return validateConflicts(ss, ctx.others.map(toBeta));
}
