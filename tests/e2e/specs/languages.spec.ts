import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { allowErrors, expect, test, type Page } from '../support/test';
import { Words } from '../support/words';

// The whole flow in French and in Arabic: the language follows the browser, every screen speaks
// it (found here by the catalogue's own words), Arabic lays out right to left, what the author
// types in English stays left to right, the exported documents stay English, and axe finds
// nothing on any screen.

async function expectNoViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const THEME = 'Proposed Theme/Issue for the BPF';

const RUNS = [['fr', 'fr-FR', 'ltr', 'light'], ['ar', 'ar-EG', 'rtl', 'light'], ['ar', 'ar-EG', 'rtl', 'dark']] as const;

for (const [tag, locale, dir, colorScheme] of RUNS) {
  test(`${tag}, ${colorScheme}: create, check, export, share and review, each screen in ${tag} with axe finding nothing`, async ({ browser }, info) => {
    const words = new Words(tag);
    const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('combobox', { name: words.t('language.label') })).toHaveValue(tag);
    await expectNoViolations(page, 'start');

    // Create and check.
    await page.getByRole('button', { name: words.t('model.kind.new_bpf') }).click();
    const title = page.getByRole('textbox', { name: words.t('editor.title.label') });
    await title.fill('Universal Acceptance of multilingual names');
    // The official headings stay English, and so does what the author types in English.
    const theme = page.getByRole('textbox', { name: THEME, exact: true });
    await theme.fill('Most of the next billion Internet users will read and write in languages other than English.');
    await expect(theme).toHaveAttribute('dir', 'auto');
    expect(await theme.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    const checks = page.getByRole('region', { name: words.t('checks.heading') });
    await expect(checks.getByText(words.t('checks.severity.must_fix')).first()).toBeVisible();
    await expect(checks.getByText(words.t('checks.meeting.missing'))).toBeVisible();
    await expect(page.getByText(words.t('language.english_stays')).first()).toBeVisible();
    await expectNoViolations(page, 'editor');
    await page.screenshot({ path: info.outputPath(`editor-${tag}-${colorScheme}.png`) });

    // Export: the menu speaks the language, the document stays English.
    await page.getByRole('button', { name: words.t('files.export.button') }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: words.t('files.format.docx') }).click();
    const file = await download;
    await expect(page.getByRole('status').filter({ hasText: words.t('files.export.downloaded', { name: file.suggestedFilename() }) })).toBeVisible();
    await expectNoViolations(page, 'export menu');
    const path = info.outputPath('proposal.docx');
    await file.saveAs(path);
    const body = execFileSync('unzip', ['-p', path, 'word/document.xml']).toString();
    expect(body).toContain(THEME);
    expect(body).toContain('Not written yet.');
    expect(execFileSync('unzip', ['-p', path, 'word/header1.xml']).toString()).toContain('Draft: not ready to submit');
    await page.keyboard.press('Escape');

    // Share.
    await page.getByRole('button', { name: words.t('share.button'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: words.t('share.heading') });
    const link = dialog.getByRole('textbox', { name: words.t('share.link') });
    await expect(link).toHaveValue(/#igf\.1\.d\./);
    await expect(link).toHaveAttribute('dir', 'ltr');
    await expectNoViolations(page, 'share');
    const shared = await link.inputValue();
    await dialog.getByRole('button', { name: words.t('share.close') }).click();

    // Review, in a reader's browser of the same language.
    const reviewer = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 } });
    const review = await reviewer.newPage();
    await review.goto(shared);
    await expect(review.getByRole('heading', { name: words.t('review.banner.heading') })).toBeVisible();
    const part = review.getByRole('region', { name: THEME, exact: true });
    await part.getByRole('button', { name: words.t('review.comment.add') }).click();
    await part.getByRole('textbox', { name: words.t('review.comment.label') }).fill('Please name the regions.');
    await part.getByRole('button', { name: words.t('review.comment.save') }).click();
    await expect(part.getByText('Please name the regions.')).toBeVisible();
    await expectNoViolations(review, 'review');
    await review.screenshot({ path: info.outputPath(`review-${tag}-${colorScheme}.png`) });
    await reviewer.close();
    await context.close();
  });
}

test('the language chosen is remembered, and English comes back exactly as before', async ({ page }) => {
  await page.goto('./');
  const english = new Words('en');
  const french = new Words('fr');
  await page.getByRole('combobox', { name: english.t('language.label') }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(french.t('start.heading'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(french.t('start.heading'));
  await page.getByRole('combobox', { name: french.t('language.label') }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Write a proposal for the IGF's Multistakeholder Advisory Group");
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a catalogue that cannot be loaded leaves the interface as it was and says why', async ({ page }) => {
  allowErrors(/Failed to load resource/);
  await page.route('**/i18n/ru.json', (route) => route.abort());
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByText(/^The interface could not change to Русский: the file i18n\/ru\.json could not be loaded \(check the connection\)\./)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Write a proposal for the IGF's Multistakeholder Advisory Group");
});

// Errors speak the language too, whoever found them: this one is found by the office worker,
// which has no catalogue and sends a message for the editor to write in the reader's language.
for (const [tag, locale] of [['fr', 'fr-FR'], ['ar', 'ar-EG']] as const) {
  test(`${tag}: a file that cannot be read is refused in ${tag}, and nothing changes`, async ({ browser }) => {
    const words = new Words(tag);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(500), Buffer.from('WordDocument', 'utf16le')]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: words.t('files.import.button'), exact: true }).click();
    await (await chooser).setFiles({ name: 'old.doc', mimeType: 'application/msword', buffer: doc });
    const reason = words.nested('error.import.unreadable', { name: 'old.doc', reason: words.nested('error.word.legacy_doc') });
    await expect(page.getByRole('alert')).toHaveText(words.t('files.import.unreadable', { error: reason }));
    await context.close();
  });
}
