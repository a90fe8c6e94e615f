import type { DeleteOptions } from 'kubernetes-types/meta/v1';
import { ApiError, alreadyExists, badRequest, conflict, invalid, notFound } from '../apimachinery/errors';
import { fieldRequired } from '../apimachinery/field-errors';
import { applyPatch } from '../apimachinery/patch';
import type { ResourceDef } from '../resources/definitions';
import { groupVersion } from '../resources/definitions';
import type { Store } from '../store/store';
import { thaw } from '../store/freeze';
import type { KubeObject } from '../types';
import { isPlainObject } from '../types';
import { checkTypeMeta } from './type-meta';
import {
  dns1123SubdomainError, initCreateMeta, jsonEqual, keepServerMeta, nameCause, randomSuffix, specPart, validateMetaMaps,
} from './object-meta';
import type { FieldCause, RequestContext, Strategy } from './strategy';

export type Subresource = 'status' | undefined;

export function tableName(def: ResourceDef): string {
  return `${def.group || 'core'}/${def.plural}`;
}

export function objectKey(def: ResourceDef, namespace: string | undefined, name: string): string {
  return def.namespaced ? `${namespace ?? ''}/${name}` : name;
}

export function groupResource(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/**
 * The generic create/update/patch/delete pipeline every kind goes through, for HTTP clients and the simulated
 * controllers alike: conversion, server-owned metadata, admission, validation, optimistic concurrency, commit.
 */
export class Rest {
  constructor(
    readonly store: Store,
    private readonly strategies: ReadonlyMap<string, Strategy>,
  ) {}

  strategy(def: ResourceDef): Strategy {
    return this.strategies.get(tableName(def)) ?? {};
  }

  toExternal(def: ResourceDef, obj: KubeObject, version: string): KubeObject {
    if (version === def.storageVersion) return obj;
    const s = this.strategy(def);
    return s.toVersion ? s.toVersion(obj, version) : { ...obj, apiVersion: groupVersion(def.group, version) };
  }

  private toStorage(def: ResourceDef, obj: KubeObject, version: string): KubeObject {
    if (version === def.storageVersion) return obj;
    const s = this.strategy(def);
    return s.fromVersion ? s.fromVersion(obj, version) : { ...obj, apiVersion: groupVersion(def.group, def.storageVersion) };
  }

  /** The stored (frozen, storage-version) object, or a 404. */
  getStored(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    const v = this.store.get(tableName(def), objectKey(def, namespace, name));
    if (!v?.obj) throw notFound(groupResource(def), name);
    return v.obj;
  }

  get(def: ResourceDef, version: string, namespace: string | undefined, name: string): KubeObject {
    return this.toExternal(def, this.getStored(def, namespace, name), version);
  }

  /** Decode and check a client-sent object: right kind and version, namespace agrees with the URL. */
  private decode(
    def: ResourceDef, version: string, namespace: string | undefined, body: unknown, ctx: RequestContext, op: 'create' | 'update' | 'patch',
    statusOnly = false,
  ): KubeObject {
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    checkTypeMeta(def, version, body);
    const metadata = body.metadata === undefined ? {} : body.metadata;
    if (!isPlainObject(metadata)) throw badRequest('metadata must be an object');
    const gv = groupVersion(def.group, version);
    const typed = ctx.decodeBody ? ctx.decodeBody(def, version, { ...body, apiVersion: gv, kind: def.kind }, ctx, op, statusOnly) : body;
    const meta = isPlainObject(typed.metadata) ? typed.metadata : {};
    const obj = { ...typed, apiVersion: gv, kind: def.kind, metadata: { ...meta } } as KubeObject;
    if (def.namespaced) {
      if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = namespace ?? obj.metadata.namespace;
    } else {
      delete obj.metadata.namespace;
    }
    return obj;
  }

  private fail(def: ResourceDef, name: string, causes: FieldCause[]): never {
    throw invalid(def.kind, def.group, name, causes);
  }

  create(def: ResourceDef, version: string, namespace: string | undefined, body: unknown, ctx: RequestContext): KubeObject {
    let obj = this.toStorage(def, this.decode(def, version, namespace, body, ctx, 'create'), version);
    const s = this.strategy(def);
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + randomSuffix();
    const name = obj.metadata.name ?? '';
    if (!name) {
      this.fail(def, '', [fieldRequired('metadata.name', 'name or generateName is required')]);
    }
    const nameErr = (s.validateName ?? dns1123SubdomainError)(name);
    const metaCauses = validateMetaMaps(obj.metadata);
    if (nameErr) metaCauses.unshift(nameCause(name, nameErr));
    if (metaCauses.length) this.fail(def, name, metaCauses);
    if (def.namespaced && !this.store.get('core/namespaces', obj.metadata.namespace ?? '')) {
      throw new ApiError(404, 'NotFound', `namespaces "${obj.metadata.namespace ?? ''}" not found`, { name: obj.metadata.namespace ?? '', kind: 'namespaces' });
    }
    obj = initCreateMeta(obj, ctx.nowMs, def.hasGeneration);
    if (def.statusIsSubresource) {
      const initial = s.initialStatus?.(obj);
      if (initial === undefined) delete obj.status;
      else obj.status = initial;
    }
    if (s.admitCreate) obj = s.admitCreate(obj, ctx);
    const causes = s.validateCreate?.(obj, ctx) ?? [];
    if (causes.length) this.fail(def, name, causes);
    const key = objectKey(def, obj.metadata.namespace, name);
    if (this.store.get(tableName(def), key)) throw alreadyExists(groupResource(def), name);
    if (ctx.dryRun) return this.toExternal(def, obj, version);
    const stored = this.store.commit(tableName(def), key, obj).obj as KubeObject;
    return this.toExternal(def, stored, version);
  }

  update(
    def: ResourceDef, version: string, namespace: string | undefined, name: string, body: unknown, ctx: RequestContext,
    subresource?: Subresource,
  ): KubeObject {
    const incoming = this.toStorage(def, this.decode(def, version, namespace, body, ctx, 'update', subresource === 'status'), version);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name) {
      throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    incoming.metadata.name = name;
    return this.applyUpdate(def, version, namespace, name, incoming, ctx, subresource);
  }

  patch(
    def: ResourceDef, version: string, namespace: string | undefined, name: string, contentType: string, patchBody: unknown,
    ctx: RequestContext, subresource?: Subresource,
  ): KubeObject {
    const current = this.get(def, version, namespace, name);
    const patched = applyPatch(contentType, thaw(current), patchBody, { strategicAllowed: def.group !== 'apps.kruise.io' });
    const next = this.toStorage(def, this.decode(def, version, namespace, patched, ctx, 'patch', subresource === 'status'), version);
    if (next.metadata.name !== name) throw badRequest('metadata.name cannot be changed by a patch');
    return this.applyUpdate(def, version, namespace, name, next, ctx, subresource);
  }

  private applyUpdate(
    def: ResourceDef, version: string, namespace: string | undefined, name: string, incoming: KubeObject,
    ctx: RequestContext, subresource: Subresource,
  ): KubeObject {
    const s = this.strategy(def);
    const old = this.getStored(def, namespace, name);
    const sentRv = incoming.metadata.resourceVersion;
    if (sentRv && sentRv !== old.metadata.resourceVersion) {
      throw conflict(groupResource(def), name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    let next: KubeObject;
    if (subresource === 'status') {
      // The status subresource takes status only; spec and metadata stay as stored.
      next = { ...thaw(old), status: incoming.status };
      if (incoming.status === undefined) delete next.status;
    } else {
      next = keepServerMeta(incoming, old);
      if (def.statusIsSubresource) {
        if (old.status === undefined) delete next.status;
        else next.status = thaw(old.status);
      }
      const metaCauses = validateMetaMaps(next.metadata);
      if (metaCauses.length) this.fail(def, name, metaCauses);
      if (s.admitUpdate) next = s.admitUpdate(next, old, ctx);
    }
    const causes = subresource === 'status'
      ? s.validateStatusUpdate?.(next, old, ctx) ?? []
      : s.validateUpdate?.(next, old, ctx) ?? [];
    if (causes.length) this.fail(def, name, causes);
    if (def.hasGeneration && subresource !== 'status' && !jsonEqual(specPart(next), specPart(old))) {
      next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    // A no-op write does not bump resourceVersion or wake watchers, as in kube-apiserver.
    if (jsonEqual(next, old) || ctx.dryRun) return this.toExternal(def, jsonEqual(next, old) ? old : next, version);
    const stored = this.store.commit(tableName(def), objectKey(def, namespace, name), next).obj as KubeObject;
    return this.toExternal(def, stored, version);
  }

  /**
   * A registry-internal write that bypasses update validation, for subresources with their own rules
   * (pods/binding may set spec.nodeName once). `change` returns the new object or throws.
   */
  mutateStored(def: ResourceDef, namespace: string | undefined, name: string, change: (old: KubeObject) => KubeObject): KubeObject {
    const old = this.getStored(def, namespace, name);
    const next = change(thaw(old));
    const stored = this.store.commit(tableName(def), objectKey(def, namespace, name), next).obj as KubeObject;
    return stored;
  }

  delete(
    def: ResourceDef, version: string, namespace: string | undefined, name: string, options: DeleteOptions | undefined,
    ctx: RequestContext,
  ): KubeObject {
    const old = this.getStored(def, namespace, name);
    const pre = options?.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw conflict(groupResource(def), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(groupResource(def), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`);
    }
    const key = objectKey(def, namespace, name);
    const graceful = this.strategy(def).beginGracefulDelete?.(old, options?.gracePeriodSeconds, ctx);
    if (ctx.dryRun) return this.toExternal(def, graceful ?? old, version);
    if (graceful) {
      if (jsonEqual(graceful, old)) return this.toExternal(def, old, version);
      const stored = this.store.commit(tableName(def), key, graceful).obj as KubeObject;
      return this.toExternal(def, stored, version);
    }
    this.store.commit(tableName(def), key, undefined);
    return this.toExternal(def, old, version);
  }
}
