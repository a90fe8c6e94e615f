import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mosnDetail, pickTarget, upgradeMosn, waitProbeRun, waitRolloutDone } from './support/timeline';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

const count = (page: Page, state: string) => page.locator(`[data-testid="state-count"][data-state="${state}"]`);
const filter = (page: Page, id: string) => page.locator(`[data-testid="overview-filter"][data-filter="${id}"]`);

/**
 * The overview above the swimlanes (issue 10, part A) on the seed scenario's 3 pods: the counts, the chart of a
 * real rollout, the grid from the keyboard (one tab stop, arrows, Enter jumps to the pod's swimlanes), the
 * filters narrowing grid and swimlanes together, the table equivalent, and axe.
 */
test('the overview counts a live rollout, filters the grid and swimlanes, and jumps from a cell to its swimlanes', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  const grid = page.getByRole('grid', { name: /^Pods of mosn/ });
  await expect(grid.getByRole('gridcell')).toHaveCount(3);
  await expect(page.getByTestId('pod-timeline')).toHaveCount(3);
  // The SidecarSet's history is one link away (its page shows the API's answer, whether or not the API exists yet).
  await expect(page.getByTestId('rollouts-link')).toHaveAttribute('href', '/rollouts?sidecarSet=mosn');

  // At rest every pod is done, in the legend and in the chart's latest column.
  await expect(count(page, 'done')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('phase-chart')).toHaveAttribute('data-now', /^done:3,resetting:0,migrating:0,upgrading:0,queued:0,failed:0,other:0$/);

  // A rollout, followed live; "Not updated" chosen meanwhile narrows grid and swimlanes to the pods it counts.
  const { current, target } = await pickTarget(request);
  const since = Date.now();
  await upgradeMosn(request, current, target);
  await filter(page, 'notUpdated').click();
  await expect(filter(page, 'notUpdated')).toHaveAttribute('aria-pressed', 'true');
  // The filter is in the URL, so the view is a link.
  await expect(page).toHaveURL(/\/sidecarsets\/mosn\?filter=notUpdated$/);
  const shownMatchesCount = async () => {
    const n = Number(await filter(page, 'notUpdated').getAttribute('data-count'));
    const cells = n === 0 ? 0 : await grid.getByRole('gridcell').count();
    return cells === n && (await page.getByTestId('pod-timeline').count()) === n;
  };
  await expect.poll(shownMatchesCount, { timeout: 20_000 }).toBe(true);
  await waitRolloutDone(request, target);
  await waitProbeRun(request, since);

  // Done: nothing is left not updated, so the filter leaves no pod, in the grid nor in the swimlanes.
  await expect(filter(page, 'notUpdated')).toHaveAttribute('data-count', '0');
  await expect(page.getByText('No pod matches the chosen filters')).toBeVisible();
  await expect(page.getByTestId('pod-timeline')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/sidecarsets\/mosn$/);
  await expect(grid.getByRole('gridcell')).toHaveCount(3);
  await expect(page.getByTestId('pod-timeline')).toHaveCount(3);
  for (const f of ['failed', 'lossy', 'inFlight', 'notUpdated']) await expect(filter(page, f)).toHaveAttribute('data-count', '0');

  // The chart recorded the rollout: columns with pods mid-upgrade, and all 3 done at the end.
  await expect(count(page, 'done')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('phase-chart')).toHaveAttribute('data-now', /^done:3,/);
  const columns = await page.getByTestId('phase-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-counts') ?? ''));
  const busy = columns.filter((c) => /(upgrading|migrating|resetting):[1-9]/.test(c));
  expect(busy.length, columns.join(' | ')).toBeGreaterThan(0);
  // Pods wait their turn (maxUnavailable 1): the last pod was queued while the first ones upgraded.
  expect(columns.some((c) => /queued:[1-9]/.test(c)), columns.join(' | ')).toBe(true);
  for (const c of columns.filter(Boolean)) {
    const total = c.split(',').reduce((n, kv) => n + Number(kv.split(':')[1]), 0);
    expect(total, c).toBeLessThanOrEqual(3);
  }

  // Every cell agrees with the API: all Done, named by pod.
  const pods = (await mosnDetail(request)).pods.map((p) => `${p.namespace}/${p.name}`).sort();
  expect((await grid.getByRole('gridcell').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''))).sort()).toEqual(pods);
  await expect(grid.locator('[data-state="done"]')).toHaveCount(3);

  // Keyboard: one tab stop into the grid (from the last filter), arrows move, Enter focuses that pod's swimlanes.
  await filter(page, 'notUpdated').focus();
  await page.keyboard.press('Tab');
  const first = grid.locator('[data-index="0"]');
  await expect(first).toBeFocused();
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  const second = grid.locator('[data-index="1"]');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  const key = (await second.getAttribute('data-pod')) ?? '';
  await expect(page.getByTestId('grid-readout')).toContainText(key);
  await page.keyboard.press('End');
  await expect(grid.locator('[data-index="2"]')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  const row = page.locator(`[data-testid="pod-timeline"][data-pod="${key}"]`);
  await expect(row.locator(':focus')).toHaveCount(1);
  await expect(row).toBeInViewport();
  // Tab leaves the grid in one step; Shift+Tab comes back to the cell last used (the roving tab stop remembers it).
  await second.focus();
  await page.keyboard.press('Tab');
  await expect(grid.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(second).toBeFocused();

  // A click jumps too.
  const third = grid.locator('[data-index="2"]');
  const thirdKey = (await third.getAttribute('data-pod')) ?? '';
  await third.click();
  await expect(page.locator(`[data-testid="pod-timeline"][data-pod="${thirdKey}"] :focus`)).toHaveCount(1);

  // A shared link opens with its filters chosen.
  await page.goto('/sidecarsets/mosn?filter=failed');
  await expect(filter(page, 'failed')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('No pod matches the chosen filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid.getByRole('gridcell')).toHaveCount(3);

  // The table equivalent lists the same counts and pods.
  await page.getByTestId('overview-as-table').click();
  await expect(page.getByTestId('overview-as-table')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-testid="table-count"][data-state="done"]')).toHaveText('3');
  await expect(page.getByTestId('table-pod')).toHaveCount(3);
  await expect(page.getByTestId('series-range').first()).toBeVisible();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
