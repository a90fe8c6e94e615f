import { expect, test } from '@playwright/test';
import { readPodRows } from './support/pod-table';

const EMPTY_IMAGE = 'openkruise/hotupgrade-sample:empty';

test('upgrade mosn from the dashboard and follow every pod to Done, live', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('SidecarSets · SidecarSet Dashboard');
  await expect(page.getByTestId('cluster-identity')).toContainText('embedded demo cluster');
  await expect(page.getByTestId('freshness')).toHaveText('Live');

  await page.getByRole('link', { name: 'mosn', exact: true }).click();
  await expect(page).toHaveURL(/\/sidecarsets\/mosn$/);
  await expect(page).toHaveTitle('mosn · SidecarSets · SidecarSet Dashboard');
  await expect(page.getByTestId('pod-row')).toHaveCount(3);

  const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
  await upgrade.click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade mosn' });
  const image = dialog.getByLabel('Image');
  await expect(image).toBeFocused();
  await expect(dialog.getByLabel('Container')).toHaveValue('mosn');
  const current = await image.inputValue();
  expect(current).toMatch(/^tinyqian\/mosn:/);
  const target = current === 'tinyqian/mosn:v2' ? 'tinyqian/mosn:v3' : 'tinyqian/mosn:v2';

  // Inline validation: a malformed reference is explained and cannot be submitted.
  await image.fill('Tinyqian/Mosn:v2');
  await expect(dialog.getByText(/must be lowercase/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Upgrade \d+ pods?$/ })).toBeDisabled();

  await image.fill(target);
  await expect(dialog.getByTestId('impact')).toContainText('3 pods will be upgraded');
  await expect(dialog.getByTestId('impact')).toContainText('at most 1 pod upgrading at a time');
  await dialog.getByRole('button', { name: 'Upgrade 3 pods' }).click();

  await expect(dialog).toBeHidden();
  await expect(upgrade).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Upgrade requested' })).toContainText(`→ ${target}`);

  // The rollout shows up without a reload: some pod leaves Done first...
  await expect(page.locator('[data-testid="phase"]:not([data-phase="Done"])').first()).toBeVisible({ timeout: 15_000 });
  // ...then every pod is Done, the new image on its working slot and the empty image on the other.
  await expect
    .poll(async () => (await readPodRows(page)).map(({ phase, workingImage, otherImage, otherRole }) => ({ phase, workingImage, otherImage, otherRole })), {
      timeout: 120_000,
      intervals: [500],
    })
    .toEqual(Array.from({ length: 3 }, () => ({ phase: 'Done', workingImage: target, otherImage: EMPTY_IMAGE, otherRole: 'empty' })));

  const rows = await readPodRows(page);
  expect(new Set(rows.map((r) => r.pod)).size).toBe(3);
  for (const r of rows) expect(r.workingSlot).toMatch(/^mosn-[12]$/);
  await expect(page.getByTestId('counter-updatedReady')).toHaveText('3');
  await expect(page.getByTestId(`image-mosn`)).toHaveText(target);
  await expect(page.getByTestId('freshness')).toHaveText('Live');
});
