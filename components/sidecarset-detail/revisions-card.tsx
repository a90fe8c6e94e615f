'use client';

import { useState } from 'react';
import type { RevisionChange, RevisionItem, SidecarSetSummary } from '@/lib/api';
import { rollbackSidecarSet } from '@/lib/browser/actions';
import { usePermissions } from '@/lib/browser/hooks/use-permissions';
import { useRevisions } from '@/lib/browser/hooks/use-rollout-plan';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Card } from './card';

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function Changes({ changes, empty }: { changes: RevisionChange[]; empty: string }) {
  if (changes.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {changes.map((c) => (
        <li key={c.path}>
          <span className="font-mono text-xs">{c.path}</span>: <span className="break-all">{show(c.from)}</span> → <span className="break-all">{show(c.to)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The SidecarSet's history (Kruise's ControllerRevisions), newest first, with what each one changed; "Roll back"
 * asks first, showing what the rollback changes, and sends the revision the user saw as current.
 */
export function RevisionsCard({ summary }: { summary: SidecarSetSummary }) {
  const { data, error } = useRevisions(summary);
  const { data: permissions } = usePermissions(summary.name);
  const denied = permissions && !permissions.upgrade.allowed ? permissions.upgrade.reason ?? 'not allowed' : undefined;
  const [target, setTarget] = useState<RevisionItem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const items = [...(data?.items ?? [])].reverse();

  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await rollbackSidecarSet(summary.name, { revision: target.name, fromRevision: summary.latestRevision });
      setMessage({ error: false, text: `Rolling back to ${r.revision}: the pods follow as for any change.` });
      setTarget(undefined);
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Revisions">
      {error && <p className="text-sm text-red-700 dark:text-red-300">Could not load the revisions: {error.message}</p>}
      {data && items.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">Kruise has recorded no revision yet.</p>}
      <ol className="flex flex-col gap-3" data-testid="revisions">
        {items.map((r) => (
          <li key={r.name} className="flex flex-col gap-1 border-b border-zinc-100 pb-2 last:border-0 dark:border-zinc-800" data-revision={r.name}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-mono">{r.name}</span>
              <span className="text-zinc-600 dark:text-zinc-400">#{r.revision}</span>
              {r.current && <Badge severity="info">current</Badge>}
              {r.customVersion && <span className="text-xs">version {r.customVersion}</span>}
              {r.createdAt && <time dateTime={r.createdAt} className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{r.createdAt.replace('T', ' ').replace('Z', ' UTC')}</time>}
              {!r.current && (
                <Button size="sm" className="ml-auto" disabled={!!denied} onClick={() => setTarget(r)} aria-label={`Roll back to ${r.name}`}>
                  Roll back
                </Button>
              )}
            </div>
            <p className="font-mono text-xs break-all">{Object.entries(r.images).map(([c, i]) => `${c}: ${i}`).join(' · ')}</p>
            <Changes changes={r.changes} empty="The first recorded revision." />
          </li>
        ))}
      </ol>
      {denied && <p className="text-sm text-amber-900 dark:text-amber-200">Changes disabled: {denied}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-sm text-red-700 dark:text-red-300' : 'text-sm'}>
          {message.text}
        </p>
      )}
      <Dialog open={!!target} onClose={() => setTarget(undefined)} title={`Roll back to ${target?.name ?? ''}?`}>
        <div className="flex flex-col gap-3">
          <p className="text-sm">This changes the SidecarSet as follows; Kruise then rolls the pods as for any change.</p>
          <Changes changes={target?.rollbackChanges ?? []} empty="Nothing would change." />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setTarget(undefined)}>Cancel</Button>
            <Button variant="primary" busy={busy} onClick={() => void confirm()}>
              Confirm rollback
            </Button>
          </div>
        </div>
      </Dialog>
    </Card>
  );
}
