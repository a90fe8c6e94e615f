import { expect, test } from '@playwright/test';
import { clusterClient, currentMosnImage } from './support/cluster';

/** DASHBOARD_READ_ONLY=1: every mutation is refused before the cluster is asked; the buttons say why. */
test('read-only mode refuses every mutation and shows disabled buttons with the reason', async ({ page, request }) => {
  const before = await currentMosnImage();
  const json = { 'content-type': 'application/json' };
  const attempts = [
    request.post('/api/sidecarsets/mosn/upgrade', { data: { container: 'mosn', image: 'tinyqian/mosn:ro' }, headers: json }),
    request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: json }),
    request.post('/api/sidecarsets/mosn/resume', { data: {}, headers: json }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('ReadOnly');
  }
  expect(await currentMosnImage()).toBe(before);
  expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused ?? false).toBe(false);

  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pod-row').first()).toBeVisible();
  await expect(page.getByTestId('session-control')).toContainText('Read-only');
  await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^(Pause|Resume)$/ })).toBeDisabled();
  await expect(page.getByTestId('read-only-note')).toContainText('read-only mode');
});
