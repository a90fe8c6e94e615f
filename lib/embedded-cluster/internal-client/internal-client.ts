import type { DeleteOptions } from 'kubernetes-types/meta/v1';
import { isApiError } from '../apimachinery/errors';
import { findResource, type ResourceDef } from '../resources/definitions';
import type { Rest, Subresource } from '../registry/rest';
import type { ClusterReader, RequestContext, UserInfo } from '../registry/strategy';
import type { KubeObject } from '../types';

export type Kind = 'pods' | 'namespaces' | 'nodes' | 'events' | 'deployments' | 'replicasets' | 'controllerrevisions' | 'sidecarsets'
  | 'serviceaccounts' | 'configmaps' | 'secrets' | 'services' | 'leases' | 'customresourcedefinitions';

const GROUPS: Record<Kind, string> = {
  pods: '', namespaces: '', nodes: '', events: '', serviceaccounts: '', configmaps: '', secrets: '', services: '',
  leases: 'coordination.k8s.io', customresourcedefinitions: 'apiextensions.k8s.io',
  deployments: 'apps', replicasets: 'apps', controllerrevisions: 'apps',
  sidecarsets: 'apps.kruise.io',
};

export function resourceDef(kind: Kind): ResourceDef {
  const def = findResource(GROUPS[kind], kind);
  if (!def) throw new Error(`unknown resource ${kind}`);
  return def;
}

/**
 * How the simulated controllers and kubelets write: through the same Rest pipeline as HTTP clients
 * (admission, validation, resourceVersion checks, watch notification), in the storage version, as a named
 * identity. They never modify stored objects.
 */
export class InternalClient {
  constructor(
    private readonly rest: Rest,
    private readonly reader: ClusterReader,
    readonly user: UserInfo,
    private readonly now: () => number,
  ) {}

  context(): RequestContext {
    return { user: this.user, nowMs: this.now(), read: this.reader };
  }

  get(kind: Kind, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.reader.get(resourceDef(kind), namespace, name);
  }

  list(kind: Kind, namespace?: string): KubeObject[] {
    return this.reader.list(resourceDef(kind), namespace);
  }

  create(kind: Kind, obj: KubeObject): KubeObject {
    const def = resourceDef(kind);
    return this.rest.create(def, def.storageVersion, obj.metadata.namespace, obj, this.context());
  }

  /** PUT with the object's resourceVersion: a concurrent writer makes this throw 409, as it should. */
  update(kind: Kind, obj: KubeObject, subresource?: Subresource): KubeObject {
    const def = resourceDef(kind);
    return this.rest.update(def, def.storageVersion, obj.metadata.namespace, obj.metadata.name ?? '', obj, this.context(), subresource);
  }

  patch(kind: Kind, namespace: string | undefined, name: string, contentType: string, body: unknown, subresource?: Subresource): KubeObject {
    const def = resourceDef(kind);
    return this.rest.patch(def, def.storageVersion, namespace, name, contentType, body, this.context(), subresource);
  }

  delete(kind: Kind, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject | undefined {
    const def = resourceDef(kind);
    try {
      return this.rest.delete(def, def.storageVersion, namespace, name, options, this.context());
    } catch (e) {
      if (isApiError(e) && e.code === 404) return undefined;
      throw e;
    }
  }
}
