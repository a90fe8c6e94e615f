/** Recorded rollouts as `GET /api/rollouts[/{id}]` answers them (lib/api/rollouts.ts), for the model tests. */
import type { RolloutListItem, RolloutRecordResponse, TimelineSnapshot } from '@/lib/api';
import type { Verdict } from '@/lib/sidecarset/verdict';
import { EMPTY, hotUpgrade } from '@/components/timeline/test-fixtures';

export const verdict = (failed: number, total = 100): Verdict => ({
  lossless: failed === 0,
  total,
  failed,
  longestGapMs: failed ? 400 : 50,
  versions: ['v1', 'v2'],
  text: failed ? `lossy: ${failed} of ${total} requests failed` : `lossless: 0 of ${total} requests failed`,
});

export function listItem(id: string, startedAt: number, extra: Partial<RolloutListItem> = {}): RolloutListItem {
  return {
    id,
    sidecarSet: 'mosn',
    container: 'mosn',
    fromImage: 'docker.io/tinyqian/mosn:v1',
    toImage: 'tinyqian/mosn:v2',
    startedBy: { kind: 'dashboard', user: 'alice' },
    startedAt,
    endedAt: startedAt + 252_000,
    outcome: 'completed',
    verdict: { lossless: true, text: 'lossless: 0 of 41,200 requests failed; probed 2,000 of 2,000 pods', requests: 41_200, failed: 0, lossyPods: 0, coverage: { podsTotal: 2000, podsProbed: 2000 } },
    failedPods: 0,
    ...extra,
  };
}

/** Three pods upgraded 2 s apart (writes at 1000, 3000, 5000; each done 1.6 s later); `slow` stretches migrations. */
export function record(id: string, opts: { slow?: number; failedPod?: number; lossyPod?: number } = {}): RolloutRecordResponse {
  const slow = opts.slow ?? 0;
  const pods: TimelineSnapshot[] = [0, 1, 2].map((i) => ({
    namespace: 'default',
    name: `p${i}`,
    uid: `u${i}`,
    sidecarSets: ['mosn'],
    deleted: false,
    truncated: 0,
    entries: hotUpgrade().map((e) => ({ ...e, id: `${e.id}-${i}`, atMs: e.atMs === 0 ? 0 : e.atMs + i * 2000 })),
  }));
  return {
    ...listItem(id, 900, { endedAt: 7000 }),
    pods: [0, 1, 2].map((i) => ({
      namespace: 'default',
      name: `p${i}`,
      upgradeStartedAt: 1000 + i * 2000,
      upgradeEndedAt: 2600 + i * 2000 + slow,
      migrationStartedAt: 1200 + i * 2000,
      migrationEndedAt: 2000 + i * 2000 + slow * (i + 1),
      failed: opts.failedPod === i,
      probePath: 'direct',
      verdict: verdict(opts.lossyPod === i ? 3 : 0),
    })),
    gaps: [],
    timeline: { name: 'mosn', generatedAt: 8000, gaps: [], pods, probe: { runs: [], verdicts: [] } },
    recording: { ok: true, engine: 'sqlite' },
  };
}

export { EMPTY };
