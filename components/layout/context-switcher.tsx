'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ContextChoice } from '@/lib/api';
import { useClusterActions } from '@/lib/browser/hooks/use-cluster-actions';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';

export function ContextSwitcher({ contexts, current }: { contexts: ContextChoice[]; current: string }) {
  const { switchContext } = useClusterActions();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [, startTransition] = useTransition();

  const onChange = async (context: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await switchContext(context);
      // Server-rendered parts (titles, initial data) follow the new context too.
      startTransition(() => router.refresh());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex items-center gap-2">
      <SelectField
        inline
        label="Context"
        value={current}
        disabled={busy}
        onChange={(e) => void onChange(e.target.value)}
        options={contexts.map((c) => ({ value: c.name, label: c.name }))}
        className="w-64"
      />
      {busy && <Spinner label="Switching…" />}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
