import { expect, test } from '@playwright/test';
import { mosnTimeline, pickTarget, upgradeMosn, waitProbeRun, waitRolloutDone } from './support/timeline';

/**
 * Issue 4's second "Done when": the seed article's SidecarSet with its `postStar:` typo has no postStart hook, so
 * Kruise resets the old MOSN as soon as the new one is ready, before its connections have migrated. The same
 * upgrade as in timeline.embedded.spec.ts must end with a lossy verdict, on the page and through the API.
 */
test('the postStar typo rollout is judged lossy, with the failures on the probe lane', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  await expect(page.getByTestId('pod-timeline')).toHaveCount(3);

  const { current, target } = await pickTarget(request);
  const since = Date.now();
  await upgradeMosn(request, current, target);
  await waitRolloutDone(request, target);
  const run = await waitProbeRun(request, since);

  const tl = await mosnTimeline(request);
  const rollout = tl.probe.verdicts.find((v) => v.runId === run.id)?.rollout;
  expect(rollout?.lossless, rollout?.text).toBe(false);
  expect(rollout?.failed).toBeGreaterThan(0);
  expect(rollout?.text).toMatch(/^lossy: \d+ failed (between \d\d:\d\d:\d\d and \d\d:\d\d:\d\d|at \d\d:\d\d:\d\d)$/);
  const lossyPods = run.pods.filter((p) => !p.verdict.lossless);
  expect(lossyPods.length, JSON.stringify(run.pods.map((p) => p.verdict.text))).toBeGreaterThan(0);

  await expect(page.getByTestId('probe-run')).toHaveAttribute('data-run-id', run.id);
  await expect(page.getByTestId('probe-run')).toHaveAttribute('data-state', 'ended');
  const verdict = page.getByTestId('rollout-verdict');
  await expect(verdict).toHaveAttribute('data-lossless', 'false');
  await expect(verdict).toContainText(rollout?.text ?? 'lossy');
  for (const p of lossyPods) {
    const row = page.locator(`[data-testid="pod-timeline"][data-pod="${p.namespace}/${p.name}"]`);
    await expect(row.getByTestId('pod-verdict')).toHaveAttribute('data-lossless', 'false');
    await expect(row.getByTestId('pod-verdict')).toContainText(p.verdict.text);
    await expect(row.locator('[data-testid="probe-span"][data-ok="false"]').first()).toBeVisible();
  }
});
