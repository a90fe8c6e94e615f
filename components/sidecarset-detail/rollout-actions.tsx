'use client';

import { useState } from 'react';
import { setRolloutPaused } from '@/lib/browser/actions';
import { usePermissions } from '@/lib/browser/hooks/use-permissions';
import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import { Button } from '@/components/ui/button';

/**
 * Upgrade opens the dialog; Pause/Resume act at once (they are reversible). The stream shows the result.
 * When the dashboard or the cluster would refuse (read-only mode, no sign-in, RBAC), the buttons are disabled
 * and say why: visible, not hidden, so nobody wonders where Upgrade went.
 */
export function RolloutActions({ summary, onUpgrade }: { summary: SidecarSetSummary; onUpgrade: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const paused = summary.updateStrategy.paused;
  const { data: permissions } = usePermissions(summary.name);
  const denied = permissions && !permissions.upgrade.allowed ? permissions.upgrade.reason ?? 'not allowed' : undefined;
  const pauseDenied = permissions && !permissions.pause.allowed ? permissions.pause.reason ?? 'not allowed' : undefined;

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await setRolloutPaused(summary.name, !paused);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button busy={busy} onClick={() => void toggle()} disabled={!!pauseDenied} aria-describedby={pauseDenied ? 'rollout-denied' : undefined}>
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button variant="primary" onClick={onUpgrade} disabled={!!denied} aria-describedby={denied ? 'rollout-denied' : undefined}>
          Upgrade
        </Button>
      </div>
      {denied && (
        <p id="rollout-denied" className="max-w-md text-right text-sm text-amber-900 dark:text-amber-200" data-testid="read-only-note">
          <span aria-hidden="true">! </span>Changes disabled: {denied}
        </p>
      )}
      {error && (
        <p role="alert" className="max-w-md text-right text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
