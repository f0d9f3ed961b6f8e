import AxeBuilder from '@axe-core/playwright';
import { EditorPage } from '../pages/editor';
import { expect, test, type Page } from '../support/test';

async function expectNoViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.1 A/AA violation, ${colorScheme} scheme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const editor = new EditorPage(page);
    await editor.gotoStart();
    await expectNoViolations(page, 'start screen');
    for (const kind of ['New BPF proposal', 'New continuing BPF proposal', 'New WG proposal'] as const) {
      await editor.create(kind);
      await editor.title.fill(`A ${kind}`);
      // Visit a field so that problems show beside it as well as in the Checks panel.
      await editor.proposerEmail.fill('not-an-address');
      await editor.title.focus();
      await editor.addPerson('Amina Diallo', 'Government', true);
      await expectNoViolations(page, `editor of a ${kind}`);
      await editor.exportButton.click();
      await expectNoViolations(page, 'export menu');
      await page.keyboard.press('Escape');
      await editor.backToDrafts();
    }
    await expect(editor.drafts.getByRole('listitem')).toHaveCount(3);
    await expectNoViolations(page, 'drafts list');
    await context.close();
  });
}

test('a whole proposal by keyboard alone: create, fill, fix the findings, export', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  // Tab to the "New WG proposal" button and press Enter.
  for (let i = 0; i < 20 && !(await page.getByRole('button', { name: 'New WG proposal' }).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(editor.title).toBeVisible();

  // Every finding in the panel is a link: follow each must-fix by keyboard and fix its field.
  const fixes: Record<string, string> = {
    'Give the proposal a title': 'MAG Working Group on Newcomer Engagement',
    'Enter your name as the proposer': 'Tunde Bello',
    'Enter your email address': 'tunde@example.org',
    'Write the section “Purpose of the WG”': 'To help the MAG bring newcomers into the programme, with balanced participation from every stakeholder group.',
    'Write the section “Objectives/Goals of the WG”': 'Review how newcomers took part in the last three annual meetings and propose measures.',
    'Write the section “Expected Output(s)”': 'A recommendations paper to the MAG.',
    'Write the section “Timeframe for the work”': 'One IGF cycle.',
  };
  for (const [finding, text] of Object.entries(fixes)) {
    await editor.finding(finding).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
    await expect(editor.finding(finding)).toHaveCount(0);
  }
  await editor.finding('Confirm that the work will follow the IGF Code of Conduct').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(editor.verdict).toHaveText('Ready to submit');

  // Open the Export menu by keyboard and download the Word file.
  await editor.exportButton.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Word document (.docx)' }).focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^WG-proposal-newcomer-engagement-\d{4}-\d{2}-\d{2}\.docx$/);
  await page.keyboard.press('Escape');
  await expect(editor.exportButton).toBeFocused();
});
