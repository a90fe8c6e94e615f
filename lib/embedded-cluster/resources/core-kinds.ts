import type { Event, Namespace, Node } from 'kubernetes-types/core/v1';
import { forbidden } from '../apimachinery/errors';
import { fieldRequired } from '../apimachinery/field-errors';
import { toRfc3339 } from '../clock';
import { dns1123LabelError } from '../registry/object-meta';
import type { Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** Namespaces are labels, carry their own name as a label (for namespaceSelectors), and start Active. */
export const namespaceStrategy: Strategy = {
  validateName: dns1123LabelError,
  initialStatus: () => ({ phase: 'Active' }),
  admitCreate(obj) {
    const ns = obj as unknown as Namespace;
    const name = ns.metadata?.name ?? '';
    return {
      ...obj,
      metadata: { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'], ...(ns.spec ?? {}) },
    };
  },
  /** Deletion marks the namespace Terminating; the namespace controller empties and finalizes it. */
  beginGracefulDelete(obj, _grace, ctx) {
    const ns = obj as unknown as Namespace;
    const name = ns.metadata?.name ?? '';
    if (IMMORTAL_NAMESPACES.has(name)) {
      throw forbidden('namespaces', name, 'this namespace may not be deleted');
    }
    if (ns.metadata?.deletionTimestamp) return (ns.spec?.finalizers ?? []).length === 0 ? undefined : obj;
    return { ...obj, metadata: { ...obj.metadata, deletionTimestamp: toRfc3339(ctx.nowMs) }, status: { phase: 'Terminating' } };
  },
  admitUpdate(obj, old) {
    const name = old.metadata.name ?? '';
    return { ...obj, metadata: { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name } } };
  },
};

export const nodeStrategy: Strategy = {
  initialStatus: (obj: KubeObject) => (obj as unknown as Node).status ?? {},
};

export const eventStrategy: Strategy = {
  validateCreate(obj) {
    const ev = obj as unknown as Event;
    const causes = [];
    if (!ev.involvedObject) causes.push(fieldRequired('involvedObject'));
    if (!ev.reason && !ev.message) causes.push(fieldRequired('reason'));
    return causes;
  },
};
