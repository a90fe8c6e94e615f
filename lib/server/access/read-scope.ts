import { KRUISE_GROUP } from '@/lib/cluster/cluster-session';
import { toClusterError } from '@/lib/cluster/cluster-error';
import type { Dashboard } from '../live/dashboard';
import { DashboardError } from '../http/dashboard-error';
import type { Caller } from './caller';
import { accessConfig, assertMayRead, type AccessConfig } from './modes';
import { actingAs, mayI } from '@/lib/cluster/identity';

/** Allowed, or not with why in words a person can act on. */
export type Access = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Access = { allowed: true };

/**
 * What one caller may read. The dashboard's caches hold everything its own identity may list; in token
 * pass-through mode each person sees only what the cluster would show them (SelfSubjectAccessReview, asked as
 * them), and in the other modes whoever may use the dashboard sees what its service account sees.
 */
export class ReadScope {
  private constructor(private readonly d: Dashboard, private readonly caller: Caller, private readonly cfg: AccessConfig) {}

  /** The scope for a caller who may read SidecarSets at all: 401 before sign-in, 403 without `list sidecarsets`. */
  static async open(d: Dashboard, caller: Caller, cfg: AccessConfig = accessConfig()): Promise<ReadScope> {
    assertMayRead(caller, cfg);
    const scope = new ReadScope(d, caller, cfg);
    const r = await scope.ask('sidecarsets', KRUISE_GROUP);
    if (!r.allowed) throw new DashboardError(403, 'Forbidden', `your Kubernetes identity may not list sidecarsets.${KRUISE_GROUP}`);
    return scope;
  }

  /** False when the caller sees everything the dashboard's own identity sees (every mode but pass-through). */
  get restricted(): boolean {
    return this.cfg.mode === 'token-passthrough';
  }

  /**
   * Whether the caller may see these namespaces' pods (and their Events and timelines). All or nothing per
   * SidecarSet: a page that showed some of its pods would present a partial rollout as the whole one.
   */
  async pods(namespaces: Iterable<string>): Promise<Access> {
    if (this.cfg.mode !== 'token-passthrough') return ALLOWED;
    if ((await this.ask('pods', '')).allowed) return ALLOWED;
    const refused: string[] = [];
    for (const ns of new Set(namespaces)) {
      if (!(await this.ask('pods', '', ns)).allowed) refused.push(ns);
    }
    if (refused.length === 0) return ALLOWED;
    const where = refused.length === 1 ? `namespace "${refused[0]}"` : `namespaces ${refused.slice(0, 5).map((n) => `"${n}"`).join(', ')}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}`;
    return { allowed: false, reason: `Your Kubernetes identity may not list pods in ${where} (RBAC), so the pods and their timelines are not shown.` };
  }

  private async ask(resource: string, group: string, namespace?: string): Promise<Access> {
    if (this.cfg.mode !== 'token-passthrough') return ALLOWED;
    try {
      const r = await mayI(actingAs(this.d.session, this.caller.userToken), 'list', resource, group, undefined, namespace);
      return r.allowed ? ALLOWED : { allowed: false, reason: r.reason || `not allowed to list ${resource}` };
    } catch (e) {
      const err = toClusterError(e);
      throw new DashboardError(err.status === 401 ? 401 : 503, err.status === 401 ? 'Unauthorized' : 'ServiceUnavailable', err.message);
    }
  }
}
