import { badRequest } from '../apimachinery/errors';
import type { UserInfo } from '../registry/strategy';
import { isPlainObject } from '../types';
import type { Attributes, RbacAuthorizer } from './auth';

/**
 * The "what may I do" APIs a UI uses to enable or disable buttons: SelfSubjectAccessReview,
 * SelfSubjectRulesReview and SelfSubjectReview (who am I).
 */
export function selfSubjectAccessReview(authz: RbacAuthorizer, user: UserInfo, body: unknown): unknown {
  if (!isPlainObject(body) || !isPlainObject(body.spec)) throw badRequest('spec is required');
  const spec = body.spec;
  let attrs: Attributes;
  if (isPlainObject(spec.resourceAttributes)) {
    const ra = spec.resourceAttributes;
    attrs = {
      verb: String(ra.verb ?? ''),
      group: String(ra.group ?? ''),
      resource: String(ra.resource ?? ''),
      subresource: ra.subresource ? String(ra.subresource) : undefined,
      namespace: ra.namespace ? String(ra.namespace) : undefined,
      name: ra.name ? String(ra.name) : undefined,
    };
  } else if (isPlainObject(spec.nonResourceAttributes)) {
    attrs = { verb: String(spec.nonResourceAttributes.verb ?? ''), path: String(spec.nonResourceAttributes.path ?? '') };
  } else {
    throw badRequest('SelfSubjectAccessReview spec needs resourceAttributes or nonResourceAttributes');
  }
  const d = authz.authorize(user, attrs);
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: d.allowed ? { allowed: true, reason: d.reason } : { allowed: false },
  };
}

export function selfSubjectRulesReview(authz: RbacAuthorizer, user: UserInfo, body: unknown): unknown {
  const spec = isPlainObject(body) && isPlainObject(body.spec) ? body.spec : {};
  const rules = authz.rules(user);
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: {
      resourceRules: rules.filter((r) => r.resources).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) })),
      nonResourceRules: rules.filter((r) => r.nonResourceURLs).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
      incomplete: false,
    },
  };
}

export function selfSubjectReview(user: UserInfo): unknown {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: { username: user.username, uid: user.uid, groups: user.groups } },
  };
}
