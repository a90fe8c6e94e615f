import { expect, request as playwrightRequest, test } from '@playwright/test';
import { clusterClient, clusterToken, currentMosnImage, mosnAuditEvents } from './support/cluster';

/**
 * DASHBOARD_AUTH_MODE=token-passthrough: people sign in with their own Kubernetes token and the dashboard calls
 * the cluster as them, so the cluster's RBAC decides and its audit (and ours) names the real person.
 */
test.describe.configure({ mode: 'serial' });

const json = { 'content-type': 'application/json' };

test('nothing is shown before signing in', async ({ request }) => {
  expect((await request.get('/api/sidecarsets')).status()).toBe(401);
  expect((await request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: json })).status()).toBe(401);
  const bad = await request.post('/api/session', { data: { token: 'not-a-token' }, headers: json });
  expect(bad.status()).toBe(401);
});

test('a viewer sees the SidecarSet, a disabled Upgrade with the reason, and the API answers 403', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Kubernetes token').fill(clusterToken('viewer'));
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-control')).toContainText('Signed in as viewer');
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pod-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeDisabled();
  await expect(page.getByTestId('read-only-note')).toContainText('may not patch');

  const before = await currentMosnImage();
  const res = await page.request.post('/api/sidecarsets/mosn/upgrade', { data: { container: 'mosn', image: 'tinyqian/mosn:viewer-try' }, headers: json });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('User "viewer" cannot patch');
  expect(await currentMosnImage()).toBe(before);
});

test('an upgrader may change it, and the audit Event names the upgrader', async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${clusterToken('upgrader')}` } });
  try {
    expect((await api.post('/api/sidecarsets/mosn/pause', { data: {}, headers: json })).status()).toBe(200);
    expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused).toBe(true);
    expect((await api.post('/api/sidecarsets/mosn/resume', { data: {}, headers: json })).status()).toBe(200);
    await expect.poll(async () => (await mosnAuditEvents()).filter((e) => e.user === 'upgrader').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['DashboardPause', 'DashboardResume']),
    );
    const events = await mosnAuditEvents();
    expect(events.find((e) => e.reason === 'DashboardPause' && e.user === 'upgrader')?.message).toContain('upgrader paused the rollout');
    const trail = (await (await api.get('/api/sidecarsets/mosn/audit')).json()) as { items: Array<{ user?: string; reason: string }> };
    expect(trail.items.some((i) => i.user === 'upgrader' && i.reason === 'DashboardResume')).toBe(true);
  } finally {
    await api.dispose();
  }
});
