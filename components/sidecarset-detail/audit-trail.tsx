'use client';

import useSWR from 'swr';
import { getJson, type ApiError } from '@/lib/browser/fetch-json';
import { Card } from './card';

interface AuditEntry {
  at: string;
  reason: string;
  message: string;
  user?: string;
}

const LABEL: Record<string, string> = {
  DashboardImageChange: 'Image change',
  DashboardPause: 'Paused',
  DashboardResume: 'Resumed',
  DashboardPartition: 'Partition',
  DashboardRollback: 'Rollback',
};

/**
 * Who changed this SidecarSet through the dashboard (its Kubernetes Events). Fetched again whenever the
 * SidecarSet's generation moves, which every dashboard change does, so it stays current without polling.
 */
export function AuditTrail({ name, generation }: { name: string; generation?: number }) {
  const { data, error } = useSWR<{ items: AuditEntry[] }, ApiError>(
    `/api/sidecarsets/${encodeURIComponent(name)}/audit?generation=${generation ?? 0}`,
    getJson<{ items: AuditEntry[] }>,
    { keepPreviousData: true },
  );
  return (
    <Card title="Audit trail">
      {error && <p className="text-sm text-red-700 dark:text-red-300">Could not load the audit trail: {error.message}</p>}
      {data && data.items.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes made through the dashboard yet.</p>}
      {data && data.items.length > 0 && (
        <ol className="flex flex-col gap-1.5 text-sm" data-testid="audit-trail">
          {data.items.slice(0, 20).map((e) => (
            <li key={`${e.at}-${e.message}`} className="flex flex-wrap gap-x-3">
              <time dateTime={e.at} className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{e.at.replace('T', ' ').replace('Z', ' UTC')}</time>
              <span className="font-medium">{LABEL[e.reason] ?? e.reason}</span>
              <span className="text-zinc-700 dark:text-zinc-300">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
