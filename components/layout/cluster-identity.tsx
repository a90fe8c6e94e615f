import type { ClusterInfo } from '@/lib/api';
import { Badge } from '@/components/ui/badge';

/** Which cluster the dashboard is talking to: the question to answer before pressing Upgrade. */
export function ClusterIdentity({ cluster }: { cluster: ClusterInfo }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="cluster-identity">
      <span className="text-zinc-600 dark:text-zinc-400">Cluster</span>
      <span className="font-medium" title={`context ${cluster.context}, cluster ${cluster.cluster}, user ${cluster.user}`}>
        {cluster.context}
      </span>
      <span className="max-w-[22rem] truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={cluster.server}>
        {cluster.server}
      </span>
      {cluster.embedded && (
        <Badge severity="info" plain>
          embedded demo cluster
        </Badge>
      )}
    </div>
  );
}
