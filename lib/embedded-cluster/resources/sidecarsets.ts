import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { ApiError, badRequest, type FieldCause } from '../apimachinery/errors';
import { toRfc3339 } from '../clock';
import {
  convertSidecarSet, defaultSidecarSet, injectSidecars, InjectionError, sidecarSetFromRevision, validateSidecarSet,
  DEFAULT_KRUISE_NAMESPACE, SIDECARSET_CUSTOM_VERSION_LABEL, SIDECARSET_NAME_LABEL, SIDECARSET_V1BETA1,
  type FieldError, type SidecarSet, type SidecarSetInjectRevision,
} from '../kruise';
import type { ClusterReader, RequestContext, Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';
import { findResource, groupVersion } from './definitions';
import type { PodMutator } from './pods';

function def(group: string, plural: string) {
  const d = findResource(group, plural);
  if (!d) throw new Error(`${plural} not registered`);
  return d;
}

/**
 * Kruise's validating webhook answers through the API server as a 422 whose message names the webhook,
 * as kubectl prints it: `admission webhook "vsidecarset.kb.io" denied the request: <errors>`.
 */
function denied(name: string, errors: FieldError[]): ApiError {
  const causes: FieldCause[] = errors.map((e) => ({
    reason: e.reason,
    field: e.field,
    message: e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message,
  }));
  const text = errors.length === 1 ? errors[0]?.message ?? '' : `[${[...new Set(errors.map((e) => e.message))].join(', ')}]`;
  return new ApiError(422, 'Invalid', `admission webhook "vsidecarset.kb.io" denied the request: ${text}`, {
    name, group: 'apps.kruise.io', kind: 'SidecarSet', causes,
  });
}

function revisionsOf(read: ClusterReader, ss: SidecarSet): ControllerRevision[] {
  return (read.list(def('apps', 'controllerrevisions'), DEFAULT_KRUISE_NAMESPACE) as unknown as ControllerRevision[])
    .filter((r) => r.metadata?.labels?.[SIDECARSET_NAME_LABEL] === ss.metadata.name);
}

function findRevision(read: ClusterReader, ss: SidecarSet, pin: SidecarSetInjectRevision): ControllerRevision | undefined {
  const revs = revisionsOf(read, ss);
  if (pin.revisionName) return revs.find((r) => r.metadata?.name === pin.revisionName);
  if (pin.customVersion) {
    return revs.filter((r) => r.metadata?.labels?.[SIDECARSET_CUSTOM_VERSION_LABEL] === pin.customVersion)
      .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
  }
  return undefined;
}

export function sidecarSetStrategy(): Strategy {
  const validate = (obj: KubeObject, ctx: RequestContext, old?: KubeObject): FieldError[] => {
    const others = ctx.read.list(def('apps.kruise.io', 'sidecarsets')) as unknown as SidecarSet[];
    return validateSidecarSet(obj as unknown as SidecarSet, {
      old: old as unknown as SidecarSet | undefined,
      others,
      lookupRevision: (ss, pin) => (findRevision(ctx.read, ss, pin) ? { found: true } : { found: false, error: 'not found' }),
    });
  };
  return {
    toVersion: (obj, version) => convertSidecarSet(obj as unknown as SidecarSet, groupVersion('apps.kruise.io', version) as typeof SIDECARSET_V1BETA1) as unknown as KubeObject,
    fromVersion: (obj) => convertSidecarSet(obj as unknown as SidecarSet, SIDECARSET_V1BETA1) as unknown as KubeObject,
    // The name rule is Kruise's own (no dots); the webhook reports it, so the generic check stays out of the way.
    validateName: () => undefined,
    admitCreate: (obj) => defaultSidecarSet(obj as unknown as SidecarSet) as unknown as KubeObject,
    admitUpdate: (obj) => defaultSidecarSet(obj as unknown as SidecarSet) as unknown as KubeObject,
    validateCreate(obj, ctx) {
      const errs = validate(obj, ctx);
      if (errs.length) throw denied(obj.metadata.name ?? '', errs);
      return [];
    },
    validateUpdate(obj, old, ctx) {
      const errs = validate(obj, ctx, old);
      if (errs.length) throw denied(obj.metadata.name ?? '', errs);
      return [];
    },
  };
}

/** Kruise's pod mutating webhook: inject every matching SidecarSet into a pod at creation. */
export const injectSidecarSets: PodMutator = (pod: Pod, ctx: RequestContext): Pod => {
  const sidecarSets = ctx.read.list(def('apps.kruise.io', 'sidecarsets')) as unknown as SidecarSet[];
  if (sidecarSets.length === 0) return pod;
  const nsName = pod.metadata?.namespace ?? 'default';
  const ns = ctx.read.get(def('', 'namespaces'), undefined, nsName) as unknown as Namespace | undefined;
  try {
    return injectSidecars(pod, sidecarSets, ns?.metadata?.labels ?? (ns ? {} : undefined), toRfc3339(ctx.nowMs), {
      resolveRevision: (ss, pin) => {
        const rev = findRevision(ctx.read, ss, pin);
        return rev ? sidecarSetFromRevision(ss, rev) : undefined;
      },
    });
  } catch (e) {
    if (e instanceof InjectionError) throw badRequest(`admission webhook "mutating-create-pod.kruise.io" denied the request: ${e.message}`);
    throw e;
  }
};
