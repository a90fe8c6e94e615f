'use client';

import Link from 'next/link';
import type { ClusterResponse } from '@/lib/api';
import { useCluster } from '@/lib/browser/hooks/use-cluster';
import { cx, focusRing } from '@/components/ui/cx';
import { ClusterIdentity } from './cluster-identity';
import { ContextSwitcher } from './context-switcher';
import { FreshnessIndicator } from './freshness-indicator';
import { SessionControl } from './session-control';

export function AppHeader({ initial }: { initial?: ClusterResponse }) {
  const { data, error } = useCluster(initial);
  return (
    <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-[1440px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className={cx('flex items-center gap-2 rounded-md font-semibold tracking-tight', focusRing)}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a 20px static SVG needs no image optimisation */}
          <img src="/icon.svg" alt="" width={20} height={20} />
          SidecarSet Dashboard
        </Link>
        {data && <ClusterIdentity cluster={data.cluster} />}
        {!data && error && (
          <p role="alert" className="min-w-0 text-sm text-red-800 dark:text-red-300" data-testid="cluster-error">
            Cluster: {error.message}
          </p>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {data && data.contexts.length > 1 && <ContextSwitcher contexts={data.contexts} current={data.cluster.context} />}
          <SessionControl />
          <FreshnessIndicator />
        </div>
      </div>
    </header>
  );
}
