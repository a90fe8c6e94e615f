import type { Gap, ProbeRunSnapshot } from '@/lib/api';
import type { Verdict } from '@/lib/sidecarset/verdict';
import { clock } from './time-scale';
import { VerdictText } from './verdict-text';

interface Props {
  run: ProbeRunSnapshot | undefined;
  verdict: Verdict | undefined;
  /** Earlier runs not shown here (they stay in the lanes and in the export). */
  earlier: number;
  /** "rollout" on the SidecarSet page, "pod" on a pod's page. */
  scope: 'rollout' | 'pod';
  gaps: readonly Gap[];
}

/** Failed requests sent while the dashboard had lost the cluster: the API server's pod proxy may be what failed. */
function failuresInGaps(run: ProbeRunSnapshot, gaps: readonly Gap[]): number {
  const watch = gaps.filter((g) => !g.id.startsWith('gap/start/'));
  if (watch.length === 0) return 0;
  return run.pods.flatMap((p) => p.samples).filter((s) => !s.ok && watch.some((g) => s.atMs >= g.startMs - 1000 && s.atMs <= (g.endMs ?? Infinity))).length;
}

/** The latest probe run: what was probed, when, why it stopped, and the verdict. */
export function RolloutVerdict({ run, verdict, earlier, scope, gaps }: Props) {
  if (!run) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="probe-run" data-state="none">
        No traffic probe yet: it runs by itself during the next rollout.
      </p>
    );
  }
  const state = run.endedAt === undefined ? 'running' : 'ended';
  const inGaps = failuresInGaps(run, gaps);
  // Across pods the order versions were first seen in means little: list them; one pod's switch reads in order.
  const versions = verdict && verdict.versions.length > 1 ? (scope === 'pod' ? verdict.versions.join(' → ') : verdict.versions.join(', ')) : undefined;
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="probe-run" data-run-id={run.id} data-state={state} data-started={run.startedAt} data-ended={run.endedAt}>
      <p className="text-base">
        <span className="font-semibold">{scope === 'rollout' ? 'Rollout verdict' : 'Verdict for this pod'}: </span>
        <VerdictText verdict={verdict} testId={scope === 'rollout' ? 'rollout-verdict' : 'pod-page-verdict'} />
        {versions && <span className="text-zinc-700 dark:text-zinc-300"> · versions {versions}</span>}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Traffic probe: one request every {run.intervalMs} ms to each pod&apos;s :{run.port}
        {run.path} through the API server&apos;s pod proxy ({run.pods.length} pod{run.pods.length === 1 ? '' : 's'}) · started {clock(run.startedAt)} UTC ({run.reason}) ·{' '}
        {run.endedAt === undefined ? 'running' : `ended ${clock(run.endedAt)} UTC (${run.stopReason ?? 'stopped'})`}
        {earlier > 0 && ` · ${earlier} earlier run${earlier === 1 ? '' : 's'} in the lanes and the export`}
      </p>
      {inGaps > 0 && (
        <p className="text-xs text-amber-900 dark:text-amber-200" data-testid="probe-gap-note">
          <span aria-hidden="true">! </span>
          {inGaps} of the failed requests were sent while the dashboard had lost the cluster (a gap): the API server&apos;s pod proxy, not
          the sidecar, may be what failed.
        </p>
      )}
    </div>
  );
}
