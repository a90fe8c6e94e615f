'use client';

import { useState, type FormEvent } from 'react';
import type { PodRef, SidecarSetSummary } from '@/lib/api';
import { setPartition } from '@/lib/browser/actions';
import { usePermissions } from '@/lib/browser/hooks/use-permissions';
import { useRolloutPlan } from '@/lib/browser/hooks/use-rollout-plan';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Card } from './card';

const podName = (p: PodRef) => `${p.namespace}/${p.name}`;
const PREVIEW = 8;

/** "2" → 2, "50%" → "50%"; anything else is the server's to refuse (it says why). */
function parsePartition(raw: string): number | string {
  const t = raw.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}

function PodList({ pods, label }: { pods: PodRef[]; label: string }) {
  if (pods.length === 0) return null;
  return (
    <p className="text-sm">
      <span className="font-medium">{label}</span>{' '}
      <span className="font-mono text-xs break-all">
        {pods.slice(0, PREVIEW).map(podName).join(', ')}
        {pods.length > PREVIEW ? ` and ${pods.length - PREVIEW} more` : ''}
      </span>
    </p>
  );
}

/**
 * Canary by partition: the next batch exactly as Kruise will take it, the batches after it, what the partition
 * holds back; set the partition (a count or a percentage) or Advance it by one batch. Every change is sent with
 * the partition the user saw, so a concurrent one is refused, not overwritten.
 */
export function CanaryCard({ summary }: { summary: SidecarSetSummary }) {
  const { data: plan, error } = useRolloutPlan(summary);
  const { data: permissions } = usePermissions(summary.name);
  const denied = permissions && !permissions.upgrade.allowed ? permissions.upgrade.reason ?? 'not allowed' : undefined;
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const seen = summary.updateStrategy.partition ?? null;

  const apply = async (partition: number | string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await setPartition(summary.name, { partition, fromPartition: seen });
      setMessage({ error: false, text: `Partition set to ${String(r.partition)}.` });
      setValue('');
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() !== '') void apply(parsePartition(value));
  };

  return (
    <Card title="Canary by partition">
      <p className="text-sm" data-testid="partition-now">
        Partition <span className="font-mono">{seen === null ? 'unset' : String(seen)}</span> keeps {summary.updateStrategy.partitionCount} pod(s) on the
        old revision; maxUnavailable {summary.updateStrategy.maxUnavailableCount}.
      </p>
      {error && <p className="text-sm text-red-700 dark:text-red-300">Could not load the plan: {error.message}</p>}
      {plan && (
        <div className="flex flex-col gap-1" data-testid="rollout-plan">
          {plan.batches.length === 0 && plan.held.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No pod is waiting for an upgrade.</p>}
          <PodList label={plan.paused ? 'Next batch (when resumed):' : 'Next batch:'} pods={plan.batches[0] ?? []} />
          {plan.batches.length > 1 && (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Then {plan.batches.length - 1} more batch(es) of up to {plan.maxUnavailableCount}, {plan.batches.slice(1).reduce((n, b) => n + b.length, 0)} pod(s).
            </p>
          )}
          <PodList label="Held by the partition:" pods={plan.held} />
          <PodList label="Blocked (maxUnavailable is 0):" pods={plan.blocked} />
        </div>
      )}
      <form className="flex flex-wrap items-end gap-2" onSubmit={submit}>
        <TextField label="New partition" hint="a count (2) or a percentage (50%)" value={value} onChange={(e) => setValue(e.target.value)} disabled={!!denied} inputClassName="w-28" />
        <Button type="submit" busy={busy} disabled={!!denied || value.trim() === ''}>
          Set partition
        </Button>
        <Button busy={busy} disabled={!!denied || plan?.advanceTo === undefined} onClick={() => plan?.advanceTo !== undefined && void apply(plan.advanceTo)}>
          {plan?.advanceTo !== undefined ? `Advance to ${plan.advanceTo}` : 'Advance'}
        </Button>
      </form>
      {denied && <p className="text-sm text-amber-900 dark:text-amber-200">Changes disabled: {denied}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-sm text-red-700 dark:text-red-300' : 'text-sm'}>
          {message.text}
        </p>
      )}
    </Card>
  );
}
