import { expect, test } from '@playwright/test';
import { clusterClient } from './support/cluster';

/** DASHBOARD_ACCESS_TOKEN: the dashboard acts as its service account, but changes need the token. */
test.describe.configure({ mode: 'serial' });

const json = { 'content-type': 'application/json' };
const paused = async () => (await clusterClient().getMosn()).spec?.updateStrategy?.paused ?? false;

test('a missing or wrong access token gets 401 and changes nothing', async ({ request }) => {
  const none = await request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: json });
  expect(none.status()).toBe(401);
  const wrong = await request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: { ...json, authorization: 'Bearer not-the-token' } });
  expect(wrong.status()).toBe(401);
  expect(await paused()).toBe(false);
});

test('the right token in Authorization works', async ({ request }) => {
  const auth = { ...json, authorization: `Bearer ${process.env.E2E_ACCESS_TOKEN ?? ''}` };
  expect((await request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: auth })).status()).toBe(200);
  expect(await paused()).toBe(true);
  expect((await request.post('/api/sidecarsets/mosn/resume', { data: {}, headers: auth })).status()).toBe(200);
  expect(await paused()).toBe(false);
});

test('the page disables changes until you sign in with the token', async ({ page }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pod-row').first()).toBeVisible();
  const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
  await expect(upgrade).toBeDisabled();
  await expect(page.getByTestId('read-only-note')).toContainText('access token');

  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Dashboard access token').fill('wrong');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toContainText('wrong access token');
  await dialog.getByLabel('Dashboard access token').fill(process.env.E2E_ACCESS_TOKEN ?? '');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('session-control')).toContainText('Signed in');
  await expect(upgrade).toBeEnabled();
});
