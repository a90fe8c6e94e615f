/**
 * The contract between `run.ts` and the benchmark groups. A group is one file (cluster-list.ts,
 * later dashboard-api.ts, …) that measures one thing and returns metrics; run.ts does selection, shared
 * fixtures, the table and the JSON. Adding a benchmark = writing a group and listing it in groups.ts.
 */

/** Percentiles of one sample set (all in the metric's unit). */
export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** A target from an issue, so the table can show the ratio measured/goal. */
export interface Goal {
  /** Which number the goal is about: a percentile of the samples, or the single value. */
  on: 'median' | 'p95' | 'p99' | 'value';
  op: '<=' | '>=';
  target: number;
  /** Where the goal comes from, e.g. "issue 2". */
  source: string;
}

export interface Metric {
  /** Stable id within the group, e.g. "list.unpaged". JSON consumers key on `${group}/${id}`. */
  id: string;
  label: string;
  unit: string;
  /** Distribution metrics carry a summary; counters and gauges a single value. */
  summary?: Summary;
  value?: number;
  goal?: Goal;
  /** Filled by the runner from `goal`. */
  pass?: boolean;
  ratio?: number;
  notes?: string;
}

export interface GroupResult {
  group: string;
  description: string;
  metrics: Metric[];
  /** Parameters that shape the numbers (pods, watchers, durations…), recorded for reproducibility. */
  params: Record<string, unknown>;
  durationMs: number;
  /** Average cores used during the group by the benchmark (server + clients), by other processes, and stolen. */
  cpu?: { ourCores: number; otherCores: number; stealCores: number };
  error?: string;
}

export interface RunOptions {
  pods: number;
  /** Pass --cpu-prof to server processes and keep the .cpuprofile files here. */
  cpuProfDir?: string;
  /** Shorter runs (fewer samples, shorter load phases) for a quick check; not for published numbers. */
  quick: boolean;
  /** Client processes the 50 watch connections are spread over. */
  watchAgents: number;
  /** Checkout whose lib/embedded-cluster/cli.ts is benchmarked (default: this one). */
  serverRoot?: string;
  /** The dashboard groups' production build (.next-bench): rebuild when sources changed, always, or never. */
  dashboardBuild: 'auto' | 'always' | 'never';
}

export interface Disposable {
  dispose(): Promise<void>;
}

export interface BenchContext {
  options: RunOptions;
  /**
   * A shared resource (e.g. the 10k-pod cluster process) created by the first group that asks for it and
   * disposed after the last group ran, so groups stay independent yet do not each pay a 15 s setup.
   */
  fixture<T extends Disposable>(key: string, create: () => Promise<T>): Promise<T>;
  log(message: string): void;
}

export interface BenchGroup {
  /** `family-name`, e.g. `cluster-list`; `--only cluster` selects every `cluster-*` group. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Omit<GroupResult, 'group' | 'description' | 'durationMs' | 'cpu'>>;
}
