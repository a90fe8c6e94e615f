/**
 * The mutations. They only ask the server; what changed comes back through the live stream, so nothing here
 * touches the cache.
 */
import type {
  DashboardStatus, PartitionRequest, PartitionResponse, RollbackRequest, RollbackResponse, UpgradeRequest, UpgradeResponse,
} from '@/lib/api';
import { postJson } from './fetch-json';

const base = (name: string) => `/api/sidecarsets/${encodeURIComponent(name)}`;

export function upgradeSidecarSet(name: string, req: UpgradeRequest): Promise<UpgradeResponse> {
  return postJson<UpgradeResponse>(`${base(name)}/upgrade`, req);
}

export function setRolloutPaused(name: string, paused: boolean): Promise<{ name: string; paused: boolean }> {
  return postJson(`${base(name)}/${paused ? 'pause' : 'resume'}`, {});
}

export function setPartition(name: string, req: PartitionRequest): Promise<PartitionResponse> {
  return postJson<PartitionResponse>(`${base(name)}/partition`, req);
}

export function rollbackSidecarSet(name: string, req: RollbackRequest): Promise<RollbackResponse> {
  return postJson<RollbackResponse>(`${base(name)}/rollback`, req);
}

export function selectContext(context: string): Promise<{ context: string }> {
  return postJson('/api/cluster/context', { context });
}

export function retryCluster(): Promise<{ status: DashboardStatus }> {
  return postJson('/api/cluster/retry', {});
}
