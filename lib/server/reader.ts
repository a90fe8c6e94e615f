import type { RevisionListResponse, RolloutPlanResponse } from '@/lib/api';
import { rolloutBatches } from '@/lib/sidecarset';
import type { Caller } from './access/caller';
import { permissionsFor } from './access/permissions';
import type { Access, ReadScope } from './access/read-scope';
import { auditTrail } from './changes/audit';
import { listRevisions } from './changes/rollback';
import { DashboardError } from './http/dashboard-error';
import type { Topic } from './http/params';
import { requireReady, type Dashboard } from './live/dashboard';
import { sseResponse } from './live/sse';
import { podTimeline, sidecarSetTimelineJson } from './recorder/api';

/**
 * Everything the pages, routes and streams may read, for one caller. A Reader exists only with a ReadScope, and a
 * ReadScope only once the caller passed the read check (ReadScope.open): holding one is the proof. Pod-level data
 * (pods, their timelines, probe samples, Events) is checked again per SidecarSet against the pods' namespaces.
 */
export class Reader {
  constructor(private readonly d: Dashboard, private readonly scope: ReadScope, readonly caller: Caller) {}

  status() {
    return this.d.status();
  }

  summaries() {
    return { items: requireReady(this.d).summaries(), status: this.d.status() };
  }

  /** The pods' namespaces of a SidecarSet (404 when there is no such SidecarSet). */
  private namespacesOf(name: string): string[] {
    const detail = requireReady(this.d).detail(name);
    if (!detail) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
    return detail.pods.map((p) => p.namespace);
  }

  private async podAccess(name: string): Promise<Access> {
    return this.scope.pods(this.namespacesOf(name));
  }

  private async requirePods(name: string): Promise<void> {
    const access = await this.podAccess(name);
    if (!access.allowed) throw new DashboardError(403, 'Forbidden', access.reason);
  }

  /** The detail as JSON text; without pod access the pods are left out and `podAccess` says why. */
  async detailJson(name: string): Promise<string> {
    const access = await this.podAccess(name);
    const detail = requireReady(this.d).detailJson(name);
    if (!detail) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
    const status = JSON.stringify(this.d.status());
    if (!access.allowed) return `{"summary":${detail.summary},"pods":[],"podAccess":${JSON.stringify(access)},"status":${status}}`;
    return `{"summary":${detail.summary},"pods":${detail.pods},"status":${status}}`;
  }

  /** The same as an object, for a page's first render; undefined when there is no such SidecarSet. */
  async detail(name: string, maxPods: number) {
    const detail = requireReady(this.d).detail(name);
    if (!detail) return undefined;
    const access = await this.scope.pods(detail.pods.map((p) => p.namespace));
    if (!access.allowed) return { summary: detail.summary, pods: [], podAccess: access, status: this.d.status() };
    return detail.pods.length > maxPods ? undefined : { ...detail, status: this.d.status() };
  }

  async timelineJson(name: string): Promise<string> {
    await this.requirePods(name);
    return sidecarSetTimelineJson(this.d, name);
  }

  async podTimeline(namespace: string, name: string) {
    const access = await this.scope.pods([namespace]);
    if (!access.allowed) throw new DashboardError(403, 'Forbidden', access.reason);
    return podTimeline(this.d, namespace, name);
  }

  /** The rollout as batches in Kruise's order (pod names: the same pod check as the detail). */
  async plan(name: string): Promise<RolloutPlanResponse> {
    await this.requirePods(name);
    const views = requireReady(this.d);
    const plan = views.plan(name);
    const detail = views.detail(name);
    if (!plan || !detail) throw new DashboardError(404, 'NotFound', `SidecarSet "${name}" not found`);
    const refs = new Map(detail.pods.map((p) => [p.uid || `${p.namespace}/${p.name}`, { namespace: p.namespace, name: p.name }]));
    const ref = (key: string) => refs.get(key) ?? { namespace: key.split('/')[0] ?? '', name: key.split('/')[1] ?? key };
    const b = rolloutBatches(plan);
    const s = detail.summary.updateStrategy;
    return {
      name,
      paused: s.paused,
      partition: s.partition,
      partitionCount: plan.partition,
      maxUnavailableCount: plan.maxUnavailable,
      unavailable: plan.unavailable,
      batches: b.batches.map((batch) => batch.map(ref)),
      held: b.held.map(ref),
      blocked: b.blocked.map(ref),
      advanceTo: b.advanceTo,
      status: this.d.status(),
    };
  }

  /** The SidecarSet's ControllerRevisions, read as the caller (their RBAC decides in pass-through mode). */
  async revisions(name: string): Promise<RevisionListResponse> {
    return { items: await listRevisions(this.d, name, this.caller) };
  }

  audit(name: string) {
    this.namespacesOf(name);
    return { items: auditTrail(this.d, name) };
  }

  permissions(name: string) {
    return permissionsFor(this.d, this.caller, name);
  }

  /**
   * The live stream of these topics. Topics that carry pods the caller may not see are left out, never sent,
   * and named in the `hello` frame, so one forbidden SidecarSet does not take the whole tab's stream down.
   */
  async stream(topics: Topic[], lastEventId: number | undefined, signal: AbortSignal): Promise<Response> {
    const allowed: Topic[] = [];
    const refused: Array<{ topic: Topic; reason: string }> = [];
    for (const topic of topics) {
      const access = await this.topicAccess(topic);
      if (access.allowed) allowed.push(topic);
      else refused.push({ topic, reason: access.reason });
    }
    return sseResponse(this.d.bus, allowed, lastEventId, signal, () => this.d.status(), refused);
  }

  private async topicAccess(topic: Topic): Promise<Access> {
    if (!this.scope.restricted) return { allowed: true };
    const [kind, a, b] = topic.split('/');
    if (kind === 'pod' && a && b) return this.scope.pods([a]);
    if ((kind === 'sidecarset' || kind === 'timeline') && a) {
      const detail = this.d.views?.detail(a);
      // Unknown (or not yet loaded) SidecarSet: nothing to leak yet, and a later pod would need this check again.
      if (!detail) return { allowed: false, reason: `SidecarSet "${a}" not found` };
      return this.scope.pods(detail.pods.map((p) => p.namespace));
    }
    return { allowed: true };
  }
}
