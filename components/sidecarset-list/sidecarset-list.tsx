'use client';

import type { SidecarSetListResponse } from '@/lib/api';
import { useSidecarSets } from '@/lib/browser/hooks/use-sidecarsets';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { sidecarSetColumns } from './sidecarset-columns';

export function SidecarSetList({ initial }: { initial?: SidecarSetListResponse }) {
  const { data, error } = useSidecarSets(initial);
  return (
    <section className="flex flex-col gap-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 id="sidecarsets-title" className="text-2xl font-semibold tracking-tight">
          SidecarSets
        </h1>
        {data && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {data.items.length} SidecarSet{data.items.length === 1 ? '' : 's'}
          </p>
        )}
      </div>
      {error && !data ? (
        <ErrorState title="Could not load the SidecarSets" message={error.message} />
      ) : !data ? (
        <Spinner label="Loading SidecarSets…" />
      ) : data.items.length === 0 ? (
        <EmptyState title="No SidecarSets in this cluster">Create one with kubectl apply; it will appear here at once.</EmptyState>
      ) : (
        <DataTable caption="SidecarSets" columns={sidecarSetColumns} rows={data.items} rowKey={(s) => s.name} rowTestId="sidecarset-row" />
      )}
    </section>
  );
}
