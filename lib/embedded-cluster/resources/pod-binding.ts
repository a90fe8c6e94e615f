import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { badRequest, conflict } from '../apimachinery/errors';
import { toRfc3339 } from '../clock';
import type { Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import { isPlainObject, type KubeObject } from '../types';
import { findResource } from './definitions';

/**
 * POST pods/{name}/binding: how the scheduler assigns a node. It is the only way spec.nodeName changes, and it
 * sets the PodScheduled condition in the same write, as the binding REST storage does.
 */
export function bindPod(rest: Rest, namespace: string | undefined, name: string, body: unknown, ctx: RequestContext): unknown {
  const target = isPlainObject(body) && isPlainObject(body.target) ? body.target : undefined;
  const node = typeof target?.name === 'string' ? target.name : '';
  if (!node) throw badRequest('target.name is required');
  const def = findResource('', 'pods');
  if (!def) throw new Error('pods not registered');
  rest.mutateStored(def, namespace, name, (obj: KubeObject) => {
    const pod = obj as unknown as Pod;
    if (pod.spec?.nodeName) throw conflict('pods/binding', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    if (pod.metadata?.deletionTimestamp) throw conflict('pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`);
    const conditions: PodCondition[] = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastTransitionTime: toRfc3339(ctx.nowMs) });
    return { ...obj, spec: { ...(pod.spec ?? {}), nodeName: node }, status: { ...(pod.status ?? {}), conditions } } as KubeObject;
  });
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
