import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { FieldCause } from '../registry/strategy';
import { dns1123LabelError, jsonEqual } from '../registry/object-meta';
import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotFound, fieldRequired as required } from '../apimachinery/field-errors';

function validateContainers(list: Container[] | undefined, path: string, names: Set<string>, volumes: Set<string>): FieldCause[] {
  const causes: FieldCause[] = [];
  (list ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) causes.push(required(`${p}.name`));
    else {
      const err = dns1123LabelError(c.name);
      if (err) causes.push(fieldInvalid(`${p}.name`, c.name, err));
      if (names.has(c.name)) causes.push(fieldDuplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image || !c.image.trim()) causes.push(required(`${p}.image`));
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!volumes.has(m.name)) {
        causes.push(fieldNotFound(`${p}.volumeMounts[${j}].name`, m.name));
      }
    });
  });
  return causes;
}

/** The subset of ValidatePodCreate that real clients trip over: names, images, mounts. */
export function validatePodSpec(spec: PodSpec | undefined, path = 'spec'): FieldCause[] {
  if (!spec) return [required(path)];
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
  const names = new Set<string>();
  const causes: FieldCause[] = [];
  if (!spec.containers || spec.containers.length === 0) causes.push(required(`${path}.containers`));
  causes.push(...validateContainers(spec.initContainers, `${path}.initContainers`, names, volumes));
  causes.push(...validateContainers(spec.containers, `${path}.containers`, names, volumes));
  return causes;
}

const IMMUTABLE_MESSAGE = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function mutableStripped(spec: PodSpec | undefined): PodSpec {
  const s: PodSpec = { ...(spec ?? { containers: [] }) };
  s.containers = (s.containers ?? []).map((c) => ({ ...c, image: '' }));
  if (s.initContainers) s.initContainers = s.initContainers.map((c) => ({ ...c, image: '' }));
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  return s;
}

/** ValidatePodUpdate: only images (and a few scheduling fields) may change, which is why Kruise can hot-upgrade in place. */
export function validatePodUpdate(next: Pod, old: Pod): FieldCause[] {
  const causes = validatePodSpec(next.spec);
  if (!jsonEqual(mutableStripped(next.spec), mutableStripped(old.spec))) {
    causes.push(fieldForbidden('spec', IMMUTABLE_MESSAGE));
  }
  const oldTol = old.spec?.tolerations ?? [];
  const newTol = next.spec?.tolerations ?? [];
  if (!oldTol.every((t) => newTol.some((n) => jsonEqual(n, t)))) {
    causes.push(fieldForbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  }
  return causes;
}
