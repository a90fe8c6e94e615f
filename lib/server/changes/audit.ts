import type { Event } from 'kubernetes-types/core/v1';
import { KRUISE_GROUP } from '@/lib/cluster/cluster-session';
import { createEvent } from '@/lib/cluster/writes';
import type { Dashboard } from '../live/dashboard';

export type AuditReason = 'DashboardImageChange' | 'DashboardPause' | 'DashboardResume' | 'DashboardPartition' | 'DashboardRollback';

export interface AuditRecord {
  user: string;
  reason: AuditReason;
  sidecarSet: string;
  message: string;
}

export const AUDIT_COMPONENT = 'sidecarset-dashboard';

/** What this server wrote, until the events watch brings it back: a reload right after a change shows it. */
const written = new WeakMap<Dashboard, Array<AuditEntry & { sidecarSet: string; name: string }>>();

/**
 * Every change made through the dashboard becomes a Kubernetes Event on the SidecarSet (so `kubectl describe
 * sidecarset` and everyone else see who did what) and a JSON line in the server log. Written with the
 * dashboard's own credentials: the person may lack `create events`, and the record must not depend on them.
 */
export async function recordAudit(d: Dashboard, r: AuditRecord): Promise<void> {
  const at = new Date();
  console.log(JSON.stringify({ audit: true, at: at.toISOString(), context: d.session.context, ...r }));
  const ss = d.views?.sidecarSet(r.sidecarSet);
  const event: Event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { generateName: `${r.sidecarSet}.dashboard-`, namespace: 'default', annotations: { 'dashboard.sidecarset.io/user': r.user } },
    involvedObject: {
      apiVersion: `${KRUISE_GROUP}/${d.session.sidecarSetVersion ?? 'v1beta1'}`,
      kind: 'SidecarSet',
      name: r.sidecarSet,
      uid: ss?.metadata.uid,
    },
    reason: r.reason,
    message: r.message,
    type: 'Normal',
    source: { component: AUDIT_COMPONENT },
    reportingComponent: AUDIT_COMPONENT,
    reportingInstance: AUDIT_COMPONENT,
    firstTimestamp: at.toISOString().replace(/\.\d+Z$/, 'Z'),
    lastTimestamp: at.toISOString().replace(/\.\d+Z$/, 'Z'),
    count: 1,
  };
  try {
    const name = await createEvent(d.session, 'default', event);
    const list = written.get(d) ?? [];
    list.push({ sidecarSet: r.sidecarSet, name, at: event.lastTimestamp ?? '', reason: r.reason, message: r.message, user: r.user });
    written.set(d, list.slice(-100));
  } catch (e) {
    console.error(JSON.stringify({ audit: true, error: `could not write the audit Event: ${(e as Error).message}`, ...r }));
  }
}

export interface AuditEntry {
  at: string;
  reason: string;
  message: string;
  user?: string;
}

/** The SidecarSet's dashboard Events, newest first, from the shared events cache. */
export function auditTrail(d: Dashboard, name: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  const seen = new Set<string>();
  for (const ev of d.session.events.values()) {
    if (ev.involvedObject?.kind !== 'SidecarSet' || ev.involvedObject.name !== name) continue;
    if (ev.source?.component !== AUDIT_COMPONENT && ev.reportingComponent !== AUDIT_COMPONENT) continue;
    seen.add(ev.metadata?.name ?? '');
    out.push({
      at: ev.lastTimestamp ?? ev.firstTimestamp ?? ev.metadata?.creationTimestamp ?? '',
      reason: ev.reason ?? '',
      message: ev.message ?? '',
      user: ev.metadata?.annotations?.['dashboard.sidecarset.io/user'],
    });
  }
  for (const w of written.get(d) ?? []) {
    if (w.sidecarSet === name && !seen.has(w.name)) out.push({ at: w.at, reason: w.reason, message: w.message, user: w.user });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
