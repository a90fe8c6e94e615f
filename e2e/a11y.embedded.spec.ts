import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} color scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('the SidecarSet list has no serious or critical axe violations', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('sidecarset-row').first()).toBeVisible();
      await expect(page.getByTestId('freshness')).toHaveText('Live');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the SidecarSet detail and its Upgrade dialog have no serious or critical axe violations', async ({ page }) => {
      await page.goto('/sidecarsets/mosn');
      await expect(page.getByTestId('pod-row').first()).toBeVisible();
      await expect(page.getByTestId('freshness')).toHaveText('Live');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Upgrade mosn' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel('Image').fill('not a valid image');
      await expect(dialog.getByLabel('Image')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);

      // Keyboard: Esc closes and focus returns to the button that opened the dialog.
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeFocused();
    });
  });
}

test('the Upgrade dialog works from the keyboard alone: focus stays inside, Esc closes, focus returns', async ({ page }) => {
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('freshness')).toHaveText('Live');
  const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
  await upgrade.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Upgrade mosn' });
  await expect(dialog.getByLabel('Image')).toBeFocused();

  const insideDialog = () => dialog.evaluate((d) => d.contains(document.activeElement));
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await insideDialog()).toBe(true);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await insideDialog()).toBe(true);
  }
  // The container picker is a real <select>, operable with the keyboard.
  await dialog.getByLabel('Container').focus();
  await expect(dialog.getByLabel('Container')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(upgrade).toBeFocused();
});
