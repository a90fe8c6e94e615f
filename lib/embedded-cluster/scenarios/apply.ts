import { badRequest } from '../apimachinery/errors';
import type { Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import { findResourceByKind } from '../resources/definitions';
import type { KubeObject } from '../types';

/** Create an object the way `kubectl create` would, in whatever served version it is written in. */
export function createObject(rest: Rest, ctx: RequestContext, obj: KubeObject): KubeObject {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') as [string, string] : ['', obj.apiVersion];
  const def = findResourceByKind(group, obj.kind);
  if (!def || !def.versions.includes(version)) throw badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  return rest.create(def, version, obj.metadata.namespace, obj, ctx);
}
