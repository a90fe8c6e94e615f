import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { toRfc3339 } from '../clock';
import type { Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';

/**
 * CustomResourceDefinitions are served read-only (get/list/watch): the embedded cluster's CRDs are installed at
 * start, Established with their names accepted, as apiextensions-apiserver reports a working CRD.
 */
export const crdStrategy: Strategy = {
  initialStatus(obj: KubeObject) {
    const crd = obj as unknown as CustomResourceDefinition;
    const at = crd.metadata?.creationTimestamp ?? toRfc3339(Date.now());
    const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: at, reason, message });
    return {
      conditions: [
        condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
        condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
      ],
      acceptedNames: crd.spec.names,
      storedVersions: crd.spec.versions.filter((v) => v.storage).map((v) => v.name),
    };
  },
};
