'use client';

import { useState } from 'react';
import { useClusterActions } from '@/lib/browser/hooks/use-cluster-actions';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';

/** Full-page state: the dashboard cannot reach the cluster (or is refused by it). */
export function ClusterUnreachable({ message }: { message?: string }) {
  const { retry } = useClusterActions();
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | undefined>(undefined);
  const [triedAt, setTriedAt] = useState<string | undefined>(undefined);

  const onRetry = async () => {
    setBusy(true);
    setRetryError(undefined);
    try {
      await retry();
    } catch (e) {
      setRetryError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      // If this component is still shown, the retry did not help: say so, or the click looks ignored.
      setTriedAt(new Date().toLocaleTimeString());
    }
  };

  return (
    <section aria-labelledby="unreachable-title" className="mx-auto max-w-2xl py-12">
      <h1 id="unreachable-title" className="mb-2 text-2xl font-semibold">
        Cannot reach the cluster
      </h1>
      <p className="mb-4 text-zinc-700 dark:text-zinc-300">
        The dashboard could not connect to the Kubernetes API server of the current context. Check that the cluster is up
        and that your credentials are valid, then retry.
      </p>
      <ErrorState title="Connection error" message={retryError ?? message}>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" busy={busy} onClick={() => void onRetry()}>
            Retry
          </Button>
          <span role="status" className="text-sm">
            {triedAt && !busy && `Tried again at ${triedAt}: still unreachable.`}
          </span>
        </div>
      </ErrorState>
    </section>
  );
}
