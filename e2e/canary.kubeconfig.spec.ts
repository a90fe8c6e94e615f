import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { clusterClient, currentMosnImage } from './support/cluster';
import { pickTarget, upgradeMosn, waitRolloutDone } from './support/timeline';

/**
 * Steering a rollout from the SidecarSet page, by the buttons' accessible names: hold a pending upgrade with the
 * partition, Advance it by a batch, refuse a bad value, then roll back to the previous revision. The cluster is
 * shared with later specs, so the test leaves mosn settled (partition 0, not paused, every pod on one image).
 */
test.describe.configure({ mode: 'serial' });

const json = { 'content-type': 'application/json' };
const strategy = async () => (await clusterClient().getMosn()).spec?.updateStrategy as { partition?: number | string; paused?: boolean } | undefined;
let before = '';
let target = '';

test('partition: hold a pending upgrade, Advance by one batch, and a bad value is refused with the reason', async ({ page, request }) => {
  ({ current: before, target } = await pickTarget(request));
  expect((await request.post('/api/sidecarsets/mosn/pause', { data: {}, headers: json })).status()).toBe(200);
  try {
    await steer(page, request);
  } finally {
    // Release everything and let the rollout finish, for the next test and the specs after it, even on failure.
    const s = await strategy();
    const res = await request.post('/api/sidecarsets/mosn/partition', { data: { partition: 0, fromPartition: s?.partition ?? null }, headers: json });
    expect(res.status(), await res.text()).toBe(200);
    expect((await request.post('/api/sidecarsets/mosn/resume', { data: {}, headers: json })).status()).toBe(200);
  }
  await waitRolloutDone(request, target);
  const s = await strategy();
  expect([s?.partition, s?.paused ?? false]).toEqual([0, false]);
});

async function steer(page: Page, request: APIRequestContext): Promise<void> {
  await upgradeMosn(request, before, target);

  await page.goto('/sidecarsets/mosn');
  const card = page.locator('section', { hasText: 'Canary by partition' });
  await expect(card.getByTestId('partition-now')).toContainText('Partition 0');
  await card.getByLabel('New partition').fill('2');
  await card.getByRole('button', { name: 'Set partition' }).click();
  await expect(card.getByRole('status')).toContainText('Partition set to 2.');
  expect((await strategy())?.partition).toBe(2);
  await expect(card.getByTestId('rollout-plan')).toContainText('Next batch (when resumed):');
  await expect(card.getByTestId('rollout-plan')).toContainText('Held by the partition:');

  await card.getByRole('button', { name: 'Advance to 1' }).click();
  await expect(card.getByRole('status')).toContainText('Partition set to 1.');
  expect((await strategy())?.partition).toBe(1);

  await card.getByLabel('New partition').fill('150%');
  await card.getByRole('button', { name: 'Set partition' }).click();
  await expect(card.getByRole('alert')).toContainText('percentage from 0% to 100%');
  expect((await strategy())?.partition).toBe(1);
}

test('rollback: the previous revision is re-applied after asking, and rolled out', async ({ page, request }) => {
  await page.goto('/sidecarsets/mosn');
  const revisions = page.getByTestId('revisions');
  const previous = revisions.locator('li', { hasText: `mosn: ${before}` }).first();
  await expect(previous).toBeVisible();
  const name = (await previous.getAttribute('data-revision')) ?? '';
  await previous.getByRole('button', { name: `Roll back to ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Roll back to ${name}?` });
  await expect(dialog).toContainText(`containers[mosn].image: ${target} → ${before}`);
  await dialog.getByRole('button', { name: 'Confirm rollback' }).click();
  await expect(page.getByText(`Rolling back to ${name}`)).toBeVisible();
  expect(await currentMosnImage()).toBe(before);
  await waitRolloutDone(request, before);
  await expect(revisions.locator(`li[data-revision="${name}"]`).getByText('current')).toBeVisible();
});
