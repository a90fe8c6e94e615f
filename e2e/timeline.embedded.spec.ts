import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectStepsOnPage, mosnTimeline, pickTarget, upgradeSteps, upgradeMosn, waitProbeRun, waitRolloutDone } from './support/timeline';

/** Serious or critical axe findings (the a11y spec's bar), once the swimlanes are drawn. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Issue 4's first "Done when": an upgrade of mosn on the embedded cluster, followed live on the SidecarSet page,
 * then each pod's timeline checked on the page and through the API for the hot upgrade's steps in order, and the
 * traffic probe's verdict: lossless for the rollout and for every pod, with the switch from the old version.
 */
test('each pod\'s timeline shows the hot upgrade step by step, and the probe finds it lossless', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  await expect(page.getByTestId('pod-timeline')).toHaveCount(3);

  const { current, target, empty } = await pickTarget(request);
  const since = Date.now();
  await upgradeMosn(request, current, target);
  // The page follows the rollout without a reload: a probe run starts and some pod enters its Upgrade band.
  await expect(page.getByTestId('probe-run')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await waitRolloutDone(request, target);
  const run = await waitProbeRun(request, since);

  // Through the API.
  const tl = await mosnTimeline(request);
  expect(tl.pods).toHaveLength(3);
  const verdicts = tl.probe.verdicts.find((v) => v.runId === run.id);
  expect(verdicts?.rollout.lossless, verdicts?.rollout.text).toBe(true);
  expect(verdicts?.rollout.text).toMatch(/^lossless: 0 of \d+ requests failed, longest gap \d+ ms$/);
  const oldVersion = current.split(':').pop() as string;
  const newVersion = target.split(':').pop() as string;
  // Across pods, "first seen" order means little (an early pod may answer the new version before a late pod's
  // first answer), so the order is checked per pod below.
  expect([...(verdicts?.rollout.versions ?? [])].sort()).toEqual([oldVersion, newVersion].sort());
  const steps = new Map(tl.pods.map((p) => [`${p.namespace}/${p.name}`, upgradeSteps(p.entries, since, target, empty)]));
  const switched: string[] = [];
  for (const [pod, s] of steps) {
    expect(s.writeAt <= s.restartAt && s.restartAt <= s.readyAt && s.readyAt <= s.flipAt && s.flipAt <= s.resetAt, `${pod}: ${JSON.stringify(s)}`).toBe(true);
    const v = run.pods.find((p) => `${p.namespace}/${p.name}` === pod)?.verdict;
    expect(v?.lossless, `${pod}: ${v?.text}`).toBe(true);
    // The probe starts when the upgrade request returns; at 20x speed the first pod can hand over before its
    // first answer, so its old version may never be seen. Every pod ends on the new one; later pods switch.
    expect([[oldVersion, newVersion], [newVersion]], `${pod}: ${v?.versions.join(',')}`).toContainEqual(v?.versions);
    if (v?.versions.length === 2) switched.push(pod);
  }
  expect(switched.length).toBeGreaterThanOrEqual(2);

  // On the page, still without a reload: everything arrived through the stream.
  const verdict = page.getByTestId('rollout-verdict');
  await expect(page.getByTestId('probe-run')).toHaveAttribute('data-run-id', run.id);
  await expect(page.getByTestId('probe-run')).toHaveAttribute('data-state', 'ended');
  await expect(verdict).toHaveAttribute('data-lossless', 'true');
  await expect(verdict).toContainText(/lossless: 0 of \d+ requests failed, longest gap \d+ ms/);
  await expect(page.getByTestId('pod-verdict').filter({ hasText: 'lossless: 0 of' })).toHaveCount(3);
  for (const [pod, s] of steps) await expectStepsOnPage(page, pod, s, target);
  for (const pod of switched) {
    const row = page.locator(`[data-testid="pod-timeline"][data-pod="${pod}"]`);
    await expect(row.locator(`[data-testid="version-switch"][data-from="${oldVersion}"][data-to="${newVersion}"]`).last()).toHaveText(`${oldVersion}→${newVersion}`);
  }
  // A rolling upgrade reads top to bottom: rows are in the order the pods were upgraded.
  const order = [...steps].sort((a, b) => a[1].writeAt - b[1].writeAt).map(([pod]) => pod);
  expect(await page.getByTestId('pod-timeline').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')))).toEqual(order);

  expect(await seriousViolations(page)).toEqual([]);

  // Details on keyboard focus: tab into the first pod's lanes and walk them with the arrow keys.
  const first = page.getByRole('group', { name: `Timeline of pod ${order[0]}` });
  await first.locator('button[tabindex="0"]').focus();
  await expect(page.getByTestId('timeline-tooltip')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(first.locator('button:focus')).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('timeline-tooltip')).toBeHidden();

  // Zoom out to everything recorded and back; the export is the API's own JSON.
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Zoom to upgrade window' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mosn-timeline.json');
});

test('the pod page deep link shows one pod\'s view and timeline, linked from the pod table', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  const link = page.getByTestId('pod-name').first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/sidecarsets/mosn/pods/default/${name}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('container-row')).toHaveCount(3);
  const row = page.locator(`[data-testid="pod-timeline"][data-pod="default/${name}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-testid="lane"][data-lane-kind="slot"]')).toHaveCount(2);
  const api = await request.get(`/api/pods/default/${name}/timeline`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { pod: { entries: Array<{ resourceVersion?: string }> } };
  const rv = body.pod.entries.map((e) => e.resourceVersion).filter(Boolean).at(-1);
  // The benchmark hook: the row names the latest pod write it shows.
  await expect(row).toHaveAttribute('data-rv', rv ?? '');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  expect((await download).suggestedFilename()).toBe(`default-${name}-timeline.json`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
