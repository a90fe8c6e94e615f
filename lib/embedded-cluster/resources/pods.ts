import type { Pod } from 'kubernetes-types/core/v1';
import { toRfc3339 } from '../clock';
import type { RequestContext, Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';
import { defaultPodSpec, defaultTolerations } from './pod-defaults';
import { validatePodSpec, validatePodUpdate } from './pod-validation';

/** Mutating admission for pods beyond defaulting; the embedded Kruise webhook plugs in here. */
export type PodMutator = (pod: Pod, ctx: RequestContext) => Pod;

export function podStrategy(mutators: PodMutator[] = []): Strategy {
  return {
    initialStatus: () => ({ phase: 'Pending', qosClass: 'BestEffort' }),
    admitCreate(obj, ctx) {
      let pod = obj as unknown as Pod;
      pod = { ...pod, spec: defaultTolerations(defaultPodSpec(pod.spec ?? { containers: [] })) };
      for (const m of mutators) pod = m(pod, ctx);
      // Webhook output is decoded again, so injected containers get the same defaults.
      pod = { ...pod, spec: defaultPodSpec(pod.spec ?? { containers: [] }) };
      return pod as unknown as KubeObject;
    },
    validateCreate: (obj) => validatePodSpec((obj as unknown as Pod).spec),
    validateUpdate: (obj, old) => validatePodUpdate(obj as unknown as Pod, old as unknown as Pod),
    beginGracefulDelete(obj, gracePeriodSeconds, ctx) {
      const pod = obj as unknown as Pod;
      const grace = gracePeriodSeconds ?? pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      // Unscheduled or finished pods have no kubelet to wait for: they go at once, as in kube-apiserver.
      const phase = pod.status?.phase;
      if (grace <= 0 || !pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return undefined;
      const current = pod.metadata?.deletionGracePeriodSeconds;
      if (current !== undefined && current <= grace) return obj;
      return {
        ...obj,
        metadata: {
          ...obj.metadata,
          deletionTimestamp: toRfc3339(ctx.nowMs + grace * 1000),
          deletionGracePeriodSeconds: grace,
        },
      };
    },
  };
}
