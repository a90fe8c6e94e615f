import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mosnTimeline, pickTarget, upgradeMosn, waitProbeRun, waitRolloutDone } from './support/timeline';

/**
 * The overview's lossy marks come from the probe's per-pod verdicts: on the postStar typo scenario (a lossy hot
 * upgrade), the pods the API judges lossy are the cells marked lossy, and the Lossy filter leaves exactly them,
 * in the grid and in the swimlanes.
 */
test('the overview marks and filters the pods the probe found lossy', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  const grid = page.getByRole('grid', { name: /^Pods of mosn/ });
  await expect(grid.getByRole('gridcell')).toHaveCount(3);

  const { current, target } = await pickTarget(request);
  const since = Date.now();
  await upgradeMosn(request, current, target);
  await waitRolloutDone(request, target);
  const run = await waitProbeRun(request, since);
  const perPod = (await mosnTimeline(request)).probe.verdicts.find((v) => v.runId === run.id)?.perPod ?? {};
  const lossy = Object.entries(perPod)
    .filter(([, v]) => v.failed > 0)
    .map(([k]) => k)
    .sort();
  expect(lossy.length, JSON.stringify(perPod)).toBeGreaterThan(0);

  const filter = page.locator('[data-testid="overview-filter"][data-filter="lossy"]');
  await expect(filter).toHaveAttribute('data-count', String(lossy.length));
  const marked = () => grid.locator('[data-lossy="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? '').sort());
  await expect.poll(marked).toEqual(lossy);
  await expect(grid.locator(`[data-pod="${lossy[0]}"]`)).toHaveAttribute('aria-label', /, lossy: /);

  await filter.click();
  await expect(grid.getByRole('gridcell')).toHaveCount(lossy.length);
  await expect(page.getByTestId('pod-timeline')).toHaveCount(lossy.length);
  expect((await page.getByTestId('pod-timeline').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''))).sort()).toEqual(lossy);

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
