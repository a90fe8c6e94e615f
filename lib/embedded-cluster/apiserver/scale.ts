import type { IncomingMessage } from 'node:http';
import { badRequest, conflict, invalid, methodNotAllowed, unsupportedMediaType } from '../apimachinery/errors';
import { fieldInvalid } from '../apimachinery/field-errors';
import { applyPatch } from '../apimachinery/patch';
import type { ResourceDef } from '../resources/definitions';
import { groupResource, type Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import { thaw } from '../store/freeze';
import { isPlainObject, type KubeObject } from '../types';
import { decodeBody, mediaType, readBody } from './http-util';
import { labelSelectorString } from './tables/selector';

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

/** autoscaling/v1 Scale of a Deployment or ReplicaSet, as the scale subresource presents it. */
export function scaleOf(obj: KubeObject): KubeObject {
  const spec = isPlainObject(obj.spec) ? obj.spec : {};
  const status = isPlainObject(obj.status) ? obj.status : {};
  const selector = labelSelectorString(spec.selector);
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 },
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, ...(selector.ok && selector.text ? { selector: selector.text } : {}) },
  };
}

/**
 * `{resource}/scale` (GET, PUT, PATCH), what `kubectl scale` and autoscalers use: the Scale is a view of
 * spec.replicas, and a write goes through the parent's update path with the Scale's resourceVersion, so a stale
 * one is a 409 and generation bumps as for any spec edit.
 */
export async function handleScale(rest: Rest, def: ResourceDef, version: string, namespace: string | undefined, name: string, req: IncomingMessage, ctx: RequestContext): Promise<{ code: number; body: KubeObject }> {
  const method = req.method ?? 'GET';
  const stored = rest.getStored(def, namespace, name);
  const current = scaleOf(stored);
  if (method === 'GET') return { code: 200, body: current };
  let wanted: unknown;
  if (method === 'PUT') {
    wanted = decodeBody(await readBody(req), req.headers['content-type'], ['application/json', 'application/yaml']);
  } else if (method === 'PATCH') {
    const ct = mediaType(req.headers['content-type']);
    if (!PATCH_TYPES.includes(ct)) throw unsupportedMediaType(ct, PATCH_TYPES);
    wanted = applyPatch(ct, thaw(current), decodeBody(await readBody(req), ct, PATCH_TYPES), { strategicAllowed: true });
  } else {
    throw methodNotAllowed(`${groupResource(def)}/scale`, method.toLowerCase());
  }
  if (!isPlainObject(wanted) || !isPlainObject(wanted.spec)) throw badRequest('the request body must be an autoscaling/v1 Scale');
  const replicas = wanted.spec.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', name, [fieldInvalid('spec.replicas', replicas ?? null, 'must be greater than or equal to 0')]);
  }
  const rv = isPlainObject(wanted.metadata) && typeof wanted.metadata.resourceVersion === 'string' ? wanted.metadata.resourceVersion : undefined;
  if (rv && rv !== stored.metadata.resourceVersion) throw conflict(groupResource(def), name);
  const next = thaw(rest.get(def, version, namespace, name));
  next.spec = { ...(isPlainObject(next.spec) ? next.spec : {}), replicas };
  const updated = rest.update(def, version, namespace, name, next, ctx);
  return { code: 200, body: scaleOf(updated) };
}
