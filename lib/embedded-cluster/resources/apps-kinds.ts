import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fieldInvalid, fieldRequired } from '../apimachinery/field-errors';
import { isEmptySelector, matchesLabelSelector, validateLabelSelector } from '../apimachinery/label-selector';
import { jsonEqual } from '../registry/object-meta';
import type { FieldCause, Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';
import { defaultTemplate } from './pod-defaults';
import { validatePodSpec } from './pod-validation';

interface Workload {
  spec?: { selector?: LabelSelector; template?: PodTemplateSpec; replicas?: number };
}

function validateWorkload(w: Workload): FieldCause[] {
  const causes: FieldCause[] = [];
  const sel = w.spec?.selector;
  if (!sel || isEmptySelector(sel)) {
    causes.push(fieldRequired('spec.selector'));
  } else {
    for (const e of validateLabelSelector(sel, 'spec.selector')) causes.push(fieldInvalid(e.field, sel, e.message));
    if (!matchesLabelSelector(sel, w.spec?.template?.metadata?.labels)) {
      causes.push(fieldInvalid('spec.template.metadata.labels', w.spec?.template?.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
    }
  }
  if ((w.spec?.replicas ?? 0) < 0) causes.push(fieldInvalid('spec.replicas', w.spec?.replicas, 'must be greater than or equal to 0'));
  causes.push(...validatePodSpec(w.spec?.template?.spec, 'spec.template.spec'));
  return causes;
}

function selectorImmutable(next: Workload, old: Workload): FieldCause[] {
  return jsonEqual(next.spec?.selector, old.spec?.selector) ? [] : [fieldInvalid('spec.selector', next.spec?.selector, 'field is immutable')];
}

function defaultDeployment(obj: KubeObject): KubeObject {
  const d = obj as unknown as Deployment;
  const spec = { ...(d.spec ?? { selector: {}, template: {} }) };
  spec.replicas ??= 1;
  // `strategy: {}` (what kubectl create deployment sends) is defaulted like an absent one, as SetDefaults_Deployment does.
  if (!spec.strategy?.type) spec.strategy = { ...(spec.strategy ?? {}), type: 'RollingUpdate' };
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy = { ...spec.strategy, rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%', ...(spec.strategy.rollingUpdate ?? {}) } };
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.template = defaultTemplate(spec.template);
  return { ...obj, spec } as KubeObject;
}

function defaultReplicaSet(obj: KubeObject): KubeObject {
  const rs = obj as unknown as ReplicaSet;
  const spec = { ...(rs.spec ?? { selector: {} }) };
  spec.replicas ??= 1;
  spec.template = defaultTemplate(spec.template);
  return { ...obj, spec } as KubeObject;
}

export const deploymentStrategy: Strategy = {
  admitCreate: defaultDeployment,
  admitUpdate: defaultDeployment,
  validateCreate: (o) => validateWorkload(o as Workload),
  validateUpdate: (o, old) => [...validateWorkload(o as Workload), ...selectorImmutable(o as Workload, old as Workload)],
};

export const replicaSetStrategy: Strategy = {
  admitCreate: defaultReplicaSet,
  admitUpdate: defaultReplicaSet,
  validateCreate: (o) => validateWorkload(o as Workload),
  validateUpdate: (o, old) => [...validateWorkload(o as Workload), ...selectorImmutable(o as Workload, old as Workload)],
};

export const controllerRevisionStrategy: Strategy = {
  validateCreate: (o) => (typeof o.revision === 'number' ? [] : [fieldRequired('revision')]),
};
