import { expect, test } from '@playwright/test';

test('switching to a read-only context shows the cluster refusing an upgrade (403)', async ({ page }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pod-row').first()).toBeVisible();
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  await expect(page.getByTestId('cluster-identity')).not.toContainText('embedded demo cluster');
  await expect(page.getByTestId('read-only-note')).toHaveCount(0);

  const context = page.getByLabel('Context');
  await context.selectOption('embedded-viewer');
  await expect(page.getByTestId('cluster-identity')).toContainText('embedded-viewer');
  await expect(context).toHaveValue('embedded-viewer');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  // Warned before trying (the cluster's RBAC, asked by the dashboard), but not prevented: the cluster decides.
  await expect(page.getByTestId('read-only-note')).toContainText('may not patch');

  const before = await page.getByTestId('image-mosn').textContent();
  await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade mosn' });
  await dialog.getByLabel('Image').fill('tinyqian/mosn:readonly-attempt');
  await dialog.getByRole('button', { name: /^(Upgrade \d+ pods?|Change image)$/ }).click();

  const alert = dialog.getByTestId('upgrade-error');
  await expect(alert).toContainText('Refused (403 Forbidden)');
  await expect(alert).toContainText('cannot patch resource "sidecarsets"');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('image-mosn')).toHaveText(before ?? '');
});
