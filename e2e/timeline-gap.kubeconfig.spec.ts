import { expect, test } from '@playwright/test';
import { restartCluster } from './support/fault';
import { readPodRows } from './support/pod-table';
import { PodTransitionRecorder } from './support/pod-recorder';
import { mosnDetail, mosnTimeline, pickTarget, upgradeMosn, waitRolloutDone, change, type Entry } from './support/timeline';

/**
 * Issue 4's third "Done when": cut the dashboard's watch in the middle of an upgrade (the embedded API server
 * drops every connection for 3 s and forgets its watch history, so the resumed watches get 410 and re-list).
 * The timeline shows a gap marker instead of pretending continuity, then recovers fully; and no transition the
 * cluster made is missing from it, compared with the cluster's own record kept by an independent watcher.
 */
test('a watch cut mid-upgrade shows a gap, recovers, and loses no transition', async ({ page, request }) => {
  const recorder = new PodTransitionRecorder();
  try {
    // Other specs share this cluster: start from a finished rollout.
    const before = await mosnDetail(request);
    expect(before.summary.updateStrategy?.paused ?? false, 'mosn is paused').toBe(false);
    const { current, target } = await pickTarget(request);
    await waitRolloutDone(request, current);
    await recorder.start();

    await page.goto('/sidecarsets/mosn');
    await expect(page.getByTestId('freshness')).toHaveText('Live');
    await expect(page.getByTestId('pod-timeline')).toHaveCount(3);

    const since = Date.now();
    await upgradeMosn(request, current, target);
    // In the middle: as soon as the first pod has left Done.
    await expect.poll(async () => (await mosnDetail(request)).pods.some((p) => p.upgradePhase !== 'Done'), { timeout: 15_000, intervals: [100] }).toBe(true);
    const cutAt = Date.now();
    await restartCluster(3000, true);

    // The gap: through the API, and on the page (pushed on the status topic; no reload).
    let gapId = '';
    await expect
      .poll(
        async () => {
          const g = (await mosnTimeline(request)).gaps.find((x) => !x.id.startsWith('gap/start/') && x.startMs >= cutAt - 1000);
          gapId = g?.id ?? '';
          return gapId;
        },
        { timeout: 20_000, intervals: [250] },
      )
      .not.toBe('');
    await expect(page.locator(`[data-testid="gap-marker"][data-gap-id="${gapId}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="gap-item"][data-gap-id="${gapId}"]`)).toBeVisible();

    // Full recovery: the gap closes, the stream and caches are live again, the rollout completes on the page.
    await expect.poll(async () => (await mosnTimeline(request)).gaps.filter((g) => g.startMs >= cutAt - 1000).every((g) => g.endMs !== undefined), { timeout: 30_000 }).toBe(true);
    await expect(page.getByTestId('freshness')).toHaveText('Live', { timeout: 30_000 });
    await expect(page.locator(`[data-testid="gap-item"][data-gap-id="${gapId}"]`)).not.toHaveAttribute('data-open', /.*/);
    await waitRolloutDone(request, target);
    await expect
      .poll(async () => (await readPodRows(page)).map((r) => `${r.phase} ${r.workingImage}`), { timeout: 60_000, intervals: [500] })
      .toEqual(Array.from({ length: 3 }, () => `Done ${target}`));
    await expect(page.getByTestId('counter-updatedReady')).toHaveText('3');
    await expect(page.locator('[data-testid="phase-band"][data-band="Reset"]:not([data-end])')).toHaveCount(0);

    // Nothing the cluster did is missing: every transition the independent watcher saw, and every Event the
    // cluster holds about these pods, has its entry in the pod's timeline.
    const seen = recorder.transitions.filter((t) => t.atMs >= since);
    expect(seen.length).toBeGreaterThan(0);
    const events = await recorder.events();
    await expect
      .poll(
        async () => {
          const byUid = new Map((await mosnTimeline(request)).pods.map((p) => [p.uid, p.entries]));
          const missing: string[] = [];
          for (const t of seen) {
            const entries = (byUid.get(t.uid) ?? []).filter((e) => e.container === t.container && e.atMs >= since - 2000);
            if (!entries.some((e) => matches(e, t))) missing.push(`${t.pod} ${t.container} ${t.kind} ${String(t.from)} → ${String(t.to)}`);
          }
          for (const ev of events) {
            const entries = byUid.get(ev.involvedObject.uid ?? '') ?? [];
            const count = ev.series?.count ?? ev.count ?? 1;
            if (!entries.some((e) => e.id === `ev/${ev.metadata?.uid}/${count}`)) missing.push(`event ${ev.involvedObject.name} ${ev.reason} x${count}`);
          }
          return missing;
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toEqual([]);
  } finally {
    recorder.stop();
  }
});

/** A timeline entry records the transition: the same container's spec image, running image or restart count. */
function matches(e: Entry, t: { kind: string; from?: string | number; to?: string | number }): boolean {
  if (e.kind !== t.kind) return false;
  const { from, to } = change(e);
  if (t.kind === 'restart') return typeof to === 'number' && typeof from === 'number' && typeof t.to === 'number' && from < t.to && to >= t.to;
  return to === t.to;
}
