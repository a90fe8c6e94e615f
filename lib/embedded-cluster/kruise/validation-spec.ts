/**
 * Stage 3 of the SidecarSet validating webhook (spec §5; validateSidecarSetSpec in
 * pkg/webhook/sidecarset/validating/sidecarset_create_update_handler.go). Paths and messages are Kruise's,
 * including its oddities (`updateStrategy` without `spec.`, `spec.container.podInjectPolicy`, `spec[0]...`).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesLabelSelector as selectorMatchesLabels } from '../apimachinery/label-selector';
import { forbidden, invalid, required, type FieldError } from './field-errors';
import { goPlusVUpdateStrategy, goSyntaxInjectRevision, goSyntaxLabelSelector, goSyntaxStruct } from './go-fmt';
import { isQualifiedName, isValidLabelValue, splitMaybeSubscriptedPath } from './k8s-names';
import { validateFakePod } from './validation-pod';
import { goSyntaxResourcesPolicy, validateResourcesPolicy } from './validation-resources';
import {
  AFTER_APP_CONTAINER,
  BEFORE_APP_CONTAINER,
  INJECT_REVISION_ALWAYS,
  INJECT_REVISION_PARTIAL,
  ROLLING_UPDATE,
  SHARE_VOLUME_DISABLED,
  SHARE_VOLUME_ENABLED,
  type IntOrString,
  type SidecarSet,
  type SidecarSetInjectRevision,
  type SidecarSetUpdateStrategy,
  type TransferEnvVar,
} from './types';

export interface SpecValidationOptions {
  /**
   * Whether the pinned injection revision exists (GetHistorySidecarSet). Return an error string for a failed
   * lookup. Without it the existence check is skipped.
   */
  lookupRevision?: (ss: SidecarSet, revision: SidecarSetInjectRevision) => { found: boolean; error?: string };
  /** The SidecarSet_PatchPodMetadata_WhiteList of kruise-configuration; null/undefined = not configured. */
  patchMetadataWhitelist?: { rules: Array<{ selector?: LabelSelector; allowedAnnotationKeyExprs: string[] }> } | null;
  /** Feature gate SidecarSetPatchPodMetadataDefaultsAllowed. */
  patchPodMetadataDefaultsAllowed?: boolean;
}

/** metav1validation.ValidateLabelSelector (with Kruise's AllowInvalidLabelValueInSelector=false default). */
function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const labels = sel.matchLabels ?? {};
  for (const k of Object.keys(labels).sort()) {
    errs.push(...isQualifiedName(k).map((m) => invalid(`${path}.matchLabels`, k, m)));
    errs.push(...isValidLabelValue(labels[k] ?? '').map((m) => invalid(`${path}.matchLabels`, labels[k] ?? '', m)));
  }
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = r.values ?? [];
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${p}.operator`, r.operator, 'not a valid selector operator'));
    }
    errs.push(...isQualifiedName(r.key).map((m) => invalid(`${p}.key`, r.key, m)));
    values.forEach((v, j) => errs.push(...isValidLabelValue(v).map((m) => invalid(`${p}.values[${j}]`, v, m))));
  });
  return errs;
}

/** validateSelector: metav1 rules, non-empty, and convertible (the last one fails whenever the first does). */
export function validateSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs = validateLabelSelector(sel, path);
  const base = errs.length;
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalid(path, goSyntaxLabelSelector(sel), 'empty selector is not valid for sidecarset.'));
  }
  if (base > 0) errs.push(invalid(`${path}.selector`, goSyntaxLabelSelector(sel), ''));
  return errs;
}

function validateInjectionStrategy(ss: SidecarSet, opts: SpecValidationOptions): FieldError[] {
  const rev = ss.spec.injectionStrategy?.revision;
  if (!rev) return [];
  const errs: FieldError[] = [];
  if (rev.revisionName == null && rev.customVersion == null) {
    errs.push(invalid('revision', goSyntaxInjectRevision(rev), 'revisionName and customVersion cannot be empty simultaneously'));
  } else if (opts.lookupRevision) {
    const found = opts.lookupRevision(ss, rev);
    if (!found.found) errs.push(invalid('revision', null, `Cannot find specific ControllerRevision, err: ${found.error ?? '<nil>'}`));
  }
  const policy = rev.policy ?? '';
  if (policy !== '' && policy !== INJECT_REVISION_ALWAYS && policy !== INJECT_REVISION_PARTIAL) {
    errs.push(invalid('revision.policy', goSyntaxInjectRevision(rev),
      `Invalid policy ${policy}, supported: [${INJECT_REVISION_ALWAYS}, ${INJECT_REVISION_PARTIAL}]`));
  }
  return errs;
}

/** appsvalidation.ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === 'string') {
    return /^[0-9]+%$/.test(v) ? [] : [invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** UpdatePriorityStrategy.FieldsValidation's first error, if any. */
function priorityError(s: SidecarSetUpdateStrategy['priorityStrategy']): string | undefined {
  if (!s) return undefined;
  if (s.weightPriority?.length && s.orderPriority?.length) return 'only one of weightPriority and orderPriority can be used';
  for (const w of s.weightPriority ?? []) {
    if (w.weight < 0 || w.weight > 100) return 'weight must be valid number in the range 1-100';
    if (Object.keys(w.matchSelector?.matchLabels ?? {}).length + (w.matchSelector?.matchExpressions ?? []).length === 0) {
      return 'selector can not be empty';
    }
    const selErrs = validateLabelSelector(w.matchSelector, 'matchSelector');
    if (selErrs.length) return `invalid selector ${selErrs[0]?.message ?? ''}`;
  }
  for (const o of s.orderPriority ?? []) if (!o.orderedKey) return 'order key can not be empty';
  return undefined;
}

function scatterError(terms: SidecarSetUpdateStrategy['scatterStrategy']): string | undefined {
  const seen = new Set<string>();
  for (const t of terms ?? []) {
    if (!t.key) return 'key should not be empty';
    const id = `${t.key}:${t.value}`;
    if (seen.has(id)) return `duplicated key=${t.key} value=${t.value}`;
    seen.add(id);
  }
  return undefined;
}

/** validateSidecarSetUpdateStrategy: only checked for RollingUpdate. */
function validateUpdateStrategy(s: SidecarSetUpdateStrategy): FieldError[] {
  if (s.type !== ROLLING_UPDATE) return [];
  const errs: FieldError[] = [];
  const partitionSet = typeof s.partition === 'string' || (typeof s.partition === 'number' && s.partition !== 0);
  if (partitionSet && s.selector) {
    errs.push(invalid('updateStrategy', goPlusVUpdateStrategy(s), 'Partition and Selector cannot be used together'));
  }
  if (s.selector) errs.push(...validateSelector(s.selector, 'spec.updateStrategy.selector'));
  if (s.partition !== undefined) errs.push(...validatePositiveIntOrPercent(s.partition, 'spec.updateStrategy.partition'));
  if (s.maxUnavailable !== undefined) errs.push(...validatePositiveIntOrPercent(s.maxUnavailable, 'spec.updateStrategy.maxUnavailable'));
  const pErr = priorityError(s.priorityStrategy);
  if (pErr) errs.push(required('spec.updateStrategy.priorityStrategy', pErr));
  const sErr = scatterError(s.scatterStrategy);
  if (sErr) errs.push(required('spec.updateStrategy.scatterStrategy', sErr));
  return errs;
}

/** validateDownwardAPI for transferEnv[].sourceContainerNameFrom.fieldRef. */
function validateTransferEnv(envs: readonly TransferEnvVar[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const t of envs) {
    const fs = t.sourceContainerNameFrom?.fieldRef;
    if (!fs) continue;
    const p = `${path}.fieldRef`;
    if (!fs.apiVersion) {
      errs.push(required(`${p}.apiVersion`));
      continue;
    }
    if (!fs.fieldPath) {
      errs.push(required(`${p}.fieldPath`));
      continue;
    }
    const { path: base, subscript, ok } = splitMaybeSubscriptedPath(fs.fieldPath);
    if (fs.apiVersion !== 'v1') {
      errs.push(invalid(`${p}.fieldPath`, fs.fieldPath, `error converting fieldPath: unsupported pod version: ${fs.apiVersion}`));
    } else if (!ok) {
      errs.push(invalid(`${p}.fieldPath`, fs.fieldPath, `error converting fieldPath: field label not supported: ${fs.fieldPath}`));
    } else if (base !== 'metadata.annotations' && base !== 'metadata.labels') {
      errs.push(invalid(`${p}.fieldPath`, fs.fieldPath, `error converting fieldPath: field path not supported: ${base}`));
    } else {
      const key = base === 'metadata.annotations' ? subscript.toLowerCase() : subscript;
      errs.push(...isQualifiedName(key).map((m) => invalid(p, subscript, m)));
    }
  }
  return errs;
}

/** validateContainersForSidecarSet: per-container SidecarSet rules, then the fake pod (3g, 3h). */
function validateContainers(ss: SidecarSet): FieldError[] {
  const errs: FieldError[] = [];
  (ss.spec.initContainers ?? []).forEach((c, i) => {
    if (!c.resourcesPolicy) return;
    if (c.restartPolicy !== 'Always') {
      errs.push(invalid(`spec[${i}].resourcesPolicy`, goSyntaxResourcesPolicy(c.resourcesPolicy),
        'resourcesPolicy is only supported for containers with RestartPolicy Always'));
    }
    errs.push(...validateResourcesPolicy(c, `spec[${i}].resourcesPolicy`));
  });
  (ss.spec.containers ?? []).forEach((c, i) => {
    const policy = c.podInjectPolicy ?? '';
    if (policy !== BEFORE_APP_CONTAINER && policy !== AFTER_APP_CONTAINER) {
      errs.push(invalid('spec.container.podInjectPolicy', policy, 'unsupported pod inject policy'));
    }
    const share = c.shareVolumePolicy?.type ?? '';
    if (share !== SHARE_VOLUME_ENABLED && share !== SHARE_VOLUME_DISABLED) {
      errs.push(invalid('spec.container.shareVolumePolicy', goSyntaxStruct('v1beta1.ShareVolumePolicy', { Type: share }),
        'unsupported share volume policy'));
    }
    errs.push(...validateTransferEnv(c.transferEnv ?? [], `spec[${i}].transferEnv`));
    if (c.resourcesPolicy) errs.push(...validateResourcesPolicy(c, `spec[${i}].resourcesPolicy`));
  });
  const containers = (ss.spec.containers ?? []).length
    ? ss.spec.containers ?? []
    : [{ name: 'test', image: 'busybox', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }];
  errs.push(...validateFakePod(ss.spec.initContainers ?? [], containers, ss.spec.volumes ?? []));
  return errs;
}

/** ValidateSidecarSetPatchMetadataWhitelist + the per-patch checks (3i). */
function validatePatchPodMetadata(ss: SidecarSet, opts: SpecValidationOptions, validateMeta: (a: Record<string, string>) => FieldError[]): FieldError[] {
  const patches = ss.spec.patchPodMetadata ?? [];
  const errs: FieldError[] = [];
  const whitelistError = patchWhitelistError(ss, opts);
  if (whitelistError) errs.push(required('spec.patchPodMetadata', whitelistError));
  const keys = new Set<string>();
  for (const patch of patches) {
    const annotations = patch.annotations ?? {};
    if (Object.keys(annotations).length === 0) errs.push(required('spec.patchPodMetadata', 'no annotations defined for SidecarSet'));
    else errs.push(...validateMeta(annotations));
    if (!patch.patchPolicy) errs.push(required('spec.patchPodMetadata', 'no patchPolicy defined for patchPodMetadata'));
    for (const k of Object.keys(annotations)) {
      if (keys.has(k)) errs.push(required('spec.patchPodMetadata', `patch annotation[${k}] already exist`));
      else keys.add(k);
    }
  }
  return errs;
}

function patchWhitelistError(ss: SidecarSet, opts: SpecValidationOptions): string | undefined {
  if (!(ss.spec.patchPodMetadata ?? []).length) return undefined;
  const defaultsAllowed = opts.patchPodMetadataDefaultsAllowed === true;
  if (!opts.patchMetadataWhitelist) return defaultsAllowed ? undefined : 'SidecarSet patch metadata whitelist not found';
  const regs: RegExp[] = [];
  for (const rule of opts.patchMetadataWhitelist.rules) {
    if (rule.selector && !selectorMatchesLabels(rule.selector, ss.metadata.labels ?? {})) continue;
    for (const expr of rule.allowedAnnotationKeyExprs) regs.push(new RegExp(expr));
  }
  if (regs.length === 0) return defaultsAllowed ? undefined : 'sidecarSet patch metadata annotation is not allowed';
  for (const patch of ss.spec.patchPodMetadata ?? []) {
    for (const key of Object.keys(patch.annotations ?? {})) {
      if (!regs.some((r) => r.test(key))) return `sidecarSet patch metadata annotation(${key}) is not allowed`;
    }
  }
  return undefined;
}

/** Stage 3 in Kruise's order. `validateMeta` validates patchPodMetadata annotations like ObjectMeta. */
export function validateSidecarSetSpec(ss: SidecarSet, opts: SpecValidationOptions, validateMeta: (a: Record<string, string>) => FieldError[]): FieldError[] {
  const spec = ss.spec;
  const errs: FieldError[] = [];
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always' && spec.updateStrategy?.type === ROLLING_UPDATE) {
      errs.push(required('spec.updateStrategy', 'The initContainer in-place upgrade is not currently supported.'));
    }
  }
  if (!spec.selector) errs.push(required('spec.selector', 'no selector defined for SidecarSet'));
  else errs.push(...validateSelector(spec.selector, 'spec.selector'));
  if (spec.namespaceSelector) errs.push(...validateSelector(spec.namespaceSelector, 'spec.namespaceSelector'));
  errs.push(...validateInjectionStrategy(ss, opts));
  errs.push(...validateUpdateStrategy(spec.updateStrategy ?? {}));
  if (!(spec.initContainers ?? []).length && !(spec.containers ?? []).length) {
    errs.push(required('spec', 'no initContainer or container defined for SidecarSet'));
  } else {
    errs.push(...validateContainers(ss));
  }
  errs.push(...validatePatchPodMetadata(ss, opts, validateMeta));
  return errs;
}
