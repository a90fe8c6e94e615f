/**
 * Column descriptions. kube's printers take them from the Go types' SwaggerDoc(), which is the same text as the
 * field documentation in our generated OpenAPI schemas, so they are read from there instead of being copied.
 */
import { K8S_SCHEMAS } from '../openapi/generated/k8s-schemas';

const PREFIXES: Record<string, string> = {
  meta: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  core: 'io.k8s.api.core.v1',
  apps: 'io.k8s.api.apps.v1',
  coordination: 'io.k8s.api.coordination.v1',
};

/** `fieldDoc('core', 'PodStatus', 'podIP')` → the field's description, or '' when unknown. */
export function fieldDoc(pkg: keyof typeof PREFIXES, type: string, field: string): string {
  const schema = K8S_SCHEMAS[`${PREFIXES[pkg]}.${type}`];
  const description = schema?.properties?.[field]?.description;
  return typeof description === 'string' ? description : '';
}

export const NAME_DOC = fieldDoc('meta', 'ObjectMeta', 'name');
export const AGE_DOC = fieldDoc('meta', 'ObjectMeta', 'creationTimestamp');
export const CONTAINERS_DOC = 'Names of each container in the template.';
export const IMAGES_DOC = 'Images referenced by each container in the template.';
