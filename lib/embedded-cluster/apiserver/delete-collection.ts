import type { DeleteOptions } from 'kubernetes-types/meta/v1';
import { isApiError, methodNotAllowed } from '../apimachinery/errors';
import type { ResourceDef } from '../resources/definitions';
import { groupVersion } from '../resources/definitions';
import { listObjects } from '../registry/list';
import { groupResource, type Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import type { KubeObject } from '../types';

/**
 * DELETE on a collection (`kubectl delete pods -l app=x --all` through client libraries, the namespace
 * controller): every object the selectors match is deleted as if one by one, graceful deletion included.
 * The answer is the list of what was deleted, as kube-apiserver's DeleteCollection returns it.
 */
export function deleteCollection(
  rest: Rest, def: ResourceDef, version: string, namespace: string | undefined, filter: ((o: KubeObject) => boolean) | undefined,
  options: DeleteOptions | undefined, ctx: RequestContext,
): unknown {
  if (!def.verbs.includes('deletecollection')) throw methodNotAllowed(groupResource(def), 'deletecollection');
  const list = listObjects(rest.store, def, { namespace, filter });
  const items: KubeObject[] = [];
  for (const { obj } of list.items) {
    try {
      items.push(rest.delete(def, version, obj.metadata.namespace, obj.metadata.name ?? '', options, ctx));
    } catch (e) {
      // Gone in between (a controller or the kubelet finished it): nothing left to delete.
      if (!(isApiError(e) && e.code === 404)) throw e;
    }
  }
  return { kind: def.listKind, apiVersion: groupVersion(def.group, version), metadata: { resourceVersion: String(rest.store.resourceVersion) }, items };
}
