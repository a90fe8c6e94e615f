import type { KubeObject } from '../../types';
import { CRDS } from './crd-schemas';
import type { CrdDefinition } from './schema-types';

/** The CustomResourceDefinition object of a CRD the cluster serves, as `kubectl get crd -o yaml` shows it installed. */
export function crdObject(crd: CrdDefinition): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${crd.plural}.${crd.group}`, annotations: { 'controller-gen.kubebuilder.io/version': 'v0.17.3' } },
    spec: {
      group: crd.group,
      names: { kind: crd.kind, listKind: crd.listKind, plural: crd.plural, singular: crd.singular },
      scope: crd.scope,
      versions: crd.versions.map((v) => ({
        name: v.name,
        served: v.served,
        storage: v.storage,
        ...(v.additionalPrinterColumns.length ? { additionalPrinterColumns: v.additionalPrinterColumns } : {}),
        schema: { openAPIV3Schema: v.schema },
        // The reduced definition keeps booleans; the CRD says `status: {}` (scale is never used by Kruise's CRDs).
        ...(v.subresources.status ? { subresources: { status: {} } } : {}),
      })),
      conversion: { strategy: 'None' },
    },
  } as KubeObject;
}

export function installedCrdObjects(): KubeObject[] {
  return CRDS.map(crdObject);
}
