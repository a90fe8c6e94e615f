import { expect, test } from '@playwright/test';

test('a read-only identity sees Upgrade and Pause disabled with the reason, and the API refuses with 403', async ({ page }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pod-row').first()).toBeVisible();
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  await expect(page.getByTestId('cluster-identity')).not.toContainText('embedded demo cluster');
  await expect(page.getByTestId('read-only-note')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeEnabled();

  const context = page.getByLabel('Context');
  await context.selectOption('embedded-viewer');
  await expect(page.getByTestId('cluster-identity')).toContainText('embedded-viewer');
  await expect(context).toHaveValue('embedded-viewer');
  await expect(page.getByTestId('freshness')).toHaveText('Live');

  // The dashboard asked the cluster (SelfSubjectAccessReview) what this identity may do.
  const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
  await expect(upgrade).toBeDisabled();
  await expect(page.getByRole('button', { name: /^(Pause|Resume)$/ })).toBeDisabled();
  const note = page.getByTestId('read-only-note');
  await expect(note).toContainText('may not patch');
  await expect(upgrade).toHaveAttribute('aria-describedby', 'rollout-denied');

  // Going around the UI changes nothing either: the cluster answers 403 and the image stays.
  const before = await page.getByTestId('image-mosn').textContent();
  const res = await page.request.post('/api/sidecarsets/mosn/upgrade', {
    data: { container: 'mosn', image: 'tinyqian/mosn:readonly-attempt' },
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('cannot patch resource "sidecarsets"');
  await expect(page.getByTestId('image-mosn')).toHaveText(before ?? '');

  // Back to the admin context for the specs that follow.
  await context.selectOption('embedded-admin');
  await expect(upgrade).toBeEnabled();
});
