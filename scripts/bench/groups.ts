import { clusterList } from './cluster-list';
import { clusterMemory } from './cluster-memory';
import { clusterWatch } from './cluster-watch';
import { clusterWrites } from './cluster-writes';
import { dashboardApi } from './dashboard-api';
import { dashboardLatency } from './dashboard-latency';
import { dashboardRecorder } from './dashboard-recorder';
import { dashboardWatches } from './dashboard-watches';
import type { BenchGroup } from './lib/types';

/**
 * Every benchmark group, in run order. To add one, write scripts/bench/<family>-<name>.ts exporting a BenchGroup
 * and list it here; `--only <family>` then selects it.
 * cluster-memory stays last among the cluster groups: its "end" reading is meant to follow the write test.
 * The dashboard groups come after: they add a dashboard (and its LISTs) on the same 10,000-pod cluster.
 */
export const GROUPS: BenchGroup[] = [clusterList, clusterWatch, clusterWrites, clusterMemory, dashboardApi, dashboardWatches, dashboardLatency, dashboardRecorder];
