import type { ReactNode } from 'react';
import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';
import { BlockedReasonList } from '@/components/sidecarset/blocked-reason-list';
import { ContainerImages } from '@/components/sidecarset/container-images';
import { RolloutProgress } from '@/components/sidecarset/rollout-progress';
import { RolloutStateBadge } from '@/components/sidecarset/rollout-state-badge';
import { SelectorText } from '@/components/sidecarset/selector-text';
import { Card } from './card';
import { CounterGrid } from './counter-grid';
import { StrategyList } from './strategy-list';

export function DetailHeader({ summary, actions }: { summary: SidecarSetSummary; actions: ReactNode }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {summary.name}
            <RolloutStateBadge summary={summary} />
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
            <span>apps.kruise.io/{summary.apiVersion}</span>
            {summary.latestRevision && <span>· revision {summary.latestRevision}</span>}
            {summary.statusStale && (
              <Badge severity="warning">status stale: counters lag the spec</Badge>
            )}
          </p>
        </div>
        {actions}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Sidecars">
          <ContainerImages containers={summary.containers} />
          <SelectorText summary={summary} />
        </Card>
        <Card title="Progress">
          <CounterGrid counters={summary.counters} />
          <RolloutProgress summary={summary} className="flex flex-col gap-1.5" />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {summary.inFlight} in flight
            {summary.selectedButNotInjected > 0 && ` · ${summary.selectedButNotInjected} selected but not injected`}
          </p>
        </Card>
        <Card title="Update strategy">
          <StrategyList summary={summary} />
        </Card>
      </div>
      <Card title="Blocked">
        <BlockedReasonList reasons={summary.blockedReasons} />
      </Card>
    </div>
  );
}
