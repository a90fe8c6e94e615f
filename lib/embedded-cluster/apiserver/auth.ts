import { randomBytes } from 'node:crypto';
import type { UserInfo } from '../registry/strategy';

/** An RBAC PolicyRule, as ClusterRoles carry them. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Role {
  name: string;
  rules: PolicyRule[];
}

export interface Binding {
  name: string;
  role: string;
  users?: string[];
  groups?: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export type Attributes = ResourceAttributes | NonResourceAttributes;

export interface Decision {
  allowed: boolean;
  reason: string;
}

const READ = ['get', 'list', 'watch'];

/**
 * The built-in roles of the embedded cluster, modelled on Kubernetes' `cluster-admin`, `view` and
 * `system:basic-user`/`system:public-info-viewer`, plus `sidecarset-upgrader` (what the dashboard's deploy
 * manifests grant an operator who may change sidecar images and nothing else).
 */
export const ROLES: Role[] = [
  { name: 'cluster-admin', rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }] },
  {
    name: 'view',
    rules: [
      { verbs: READ, apiGroups: [''], resources: ['pods', 'pods/status', 'pods/log', 'events', 'namespaces', 'namespaces/status', 'nodes', 'nodes/status'] },
      { verbs: READ, apiGroups: ['apps'], resources: ['deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale', 'controllerrevisions'] },
      { verbs: READ, apiGroups: ['apps.kruise.io'], resources: ['sidecarsets', 'sidecarsets/status'] },
    ],
  },
  {
    name: 'sidecarset-upgrader',
    rules: [{ verbs: ['get', 'list', 'watch', 'patch', 'update'], apiGroups: ['apps.kruise.io'], resources: ['sidecarsets'] }],
  },
  {
    // OpenKruise's own sidecarset-viewer-role (config/rbac/sidecarset_viewer_role.yaml): SidecarSets, not pods.
    name: 'sidecarset-viewer',
    rules: [
      { verbs: READ, apiGroups: ['apps.kruise.io'], resources: ['sidecarsets'] },
      { verbs: ['get'], apiGroups: ['apps.kruise.io'], resources: ['sidecarsets/status'] },
    ],
  },
  {
    name: 'system:basic-user',
    rules: [
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
    ],
  },
  {
    name: 'system:discovery',
    rules: [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*', '/version', '/version/', '/healthz', '/livez', '/readyz'] }],
  },
  { name: 'system:public-info-viewer', rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }] },
];

export const BINDINGS: Binding[] = [
  { name: 'cluster-admin', role: 'cluster-admin', groups: ['system:masters'] },
  { name: 'viewers', role: 'view', groups: ['dashboard:viewers', 'dashboard:upgraders'] },
  { name: 'upgraders', role: 'sidecarset-upgrader', groups: ['dashboard:upgraders'] },
  { name: 'sidecarset-viewers', role: 'sidecarset-viewer', groups: ['dashboard:sidecarset-viewers'] },
  { name: 'system:basic-user', role: 'system:basic-user', groups: ['system:authenticated'] },
  { name: 'system:discovery', role: 'system:discovery', groups: ['system:authenticated'] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', groups: ['system:authenticated', 'system:unauthenticated'] },
];

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

export interface Identities {
  admin: string;
  viewer: string;
  upgrader: string;
  /** May list SidecarSets but not pods: what a page shows someone whose RBAC hides the pods. */
  auditor: string;
}

/** Bearer tokens for the four people the embedded cluster knows. Random per start unless given. */
export class TokenAuthenticator {
  readonly tokens: Identities;
  private readonly users = new Map<string, UserInfo>();

  constructor(tokens?: Partial<Identities>) {
    const gen = () => randomBytes(24).toString('base64url');
    this.tokens = { admin: tokens?.admin ?? gen(), viewer: tokens?.viewer ?? gen(), upgrader: tokens?.upgrader ?? gen(), auditor: tokens?.auditor ?? gen() };
    this.users.set(this.tokens.admin, { username: 'admin', uid: 'user-admin', groups: ['system:masters', 'system:authenticated'] });
    this.users.set(this.tokens.viewer, { username: 'viewer', uid: 'user-viewer', groups: ['dashboard:viewers', 'system:authenticated'] });
    this.users.set(this.tokens.upgrader, { username: 'upgrader', uid: 'user-upgrader', groups: ['dashboard:upgraders', 'system:authenticated'] });
    this.users.set(this.tokens.auditor, { username: 'auditor', uid: 'user-auditor', groups: ['dashboard:sidecarset-viewers', 'system:authenticated'] });
  }

  /** undefined: no credentials (anonymous); null: credentials that are wrong (401). */
  authenticate(authorization: string | undefined): UserInfo | undefined | null {
    if (!authorization) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) return null;
    return this.users.get(m[1] as string) ?? null;
  }
}

function matches(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!matches(rule.verbs, a.verb)) return false;
  if ('path' in a) {
    return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  }
  if (!matches(rule.apiGroups, a.group)) return false;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!matches(rule.resources, res) && !(rule.resources ?? []).includes(`*/${a.subresource ?? ''}`)) return false;
  if (rule.resourceNames?.length && (!a.name || !rule.resourceNames.includes(a.name))) return false;
  return true;
}

export class RbacAuthorizer {
  constructor(private readonly roles: Role[] = ROLES, private readonly bindings: Binding[] = BINDINGS) {}

  private rolesFor(user: UserInfo): Array<{ binding: Binding; role: Role }> {
    const out: Array<{ binding: Binding; role: Role }> = [];
    for (const b of this.bindings) {
      const bound = b.users?.includes(user.username) || b.groups?.some((g) => user.groups.includes(g));
      const role = this.roles.find((r) => r.name === b.role);
      if (bound && role) out.push({ binding: b, role });
    }
    return out;
  }

  authorize(user: UserInfo, a: Attributes): Decision {
    for (const { binding, role } of this.rolesFor(user)) {
      if (role.rules.some((r) => ruleAllows(r, a))) {
        return { allowed: true, reason: `RBAC: allowed by ClusterRoleBinding "${binding.name}" of ClusterRole "${role.name}" to ${binding.users?.length ? `User "${user.username}"` : 'Group'}` };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** What SelfSubjectRulesReview reports: every rule bound to the user (all roles here are cluster-wide). */
  rules(user: UserInfo): PolicyRule[] {
    return this.rolesFor(user).flatMap(({ role }) => role.rules);
  }
}

/** The reason part of kube-apiserver's Forbidden message: `User "x" cannot patch resource ... at the cluster scope`. */
export function forbiddenReason(user: UserInfo, a: Attributes): string {
  if ('path' in a) return `User "${user.username}" cannot ${a.verb} path "${a.path}"`;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${user.username}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`;
}
