import { clusterList } from './cluster-list';
import { clusterMemory } from './cluster-memory';
import { clusterWatch } from './cluster-watch';
import { clusterWrites } from './cluster-writes';
import type { BenchGroup } from './lib/types';

/**
 * Every benchmark group, in run order. To add one (e.g. dashboard-api for issue 3), write
 * scripts/bench/dashboard-api.ts exporting a BenchGroup and list it here; `--only dashboard` then selects it.
 * cluster-memory stays last among the cluster groups: its "end" reading is meant to follow the write test.
 */
export const GROUPS: BenchGroup[] = [clusterList, clusterWatch, clusterWrites, clusterMemory];
