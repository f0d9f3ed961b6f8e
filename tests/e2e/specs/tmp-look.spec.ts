import { test, expect } from '../support/test';

test('look ar', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-EG', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator('.kind-card button').first().click();
  await page.locator('#proposal-title').fill('Universal Acceptance');
  await page.locator('textarea.section-input').first().fill('Most of the next billion users will read and write in languages other than English. IGF and MAG.');
  await expect(page.locator('.total-words')).toContainText('كلمة');
  await page.screenshot({ path: '/tmp/i18n-ar-editor.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/i18n-ar-narrow.png' });
  await context.close();
});
