import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { readFileSync } from 'node:fs';
import { storedDrafts } from '../support/storage';
import { expect, test, type Page } from '../support/test';

const THEME = 'Proposed Theme/Issue for the BPF';

async function newDraft(library: LibraryPage, title: string, theme: string) {
  const editor = await library.create('New BPF proposal');
  await editor.title.fill(title);
  await editor.section(THEME).fill(theme);
  await editor.backToDrafts();
  await expect(library.openButton(title)).toBeVisible();
}

test('drafts can be renamed, duplicated, deleted with undo, sorted and filtered', async ({ page }) => {
  test.setTimeout(120_000);
  // The page's clock is Playwright's, so that ten seconds can pass without waiting for them.
  await page.clock.install();
  const library = new LibraryPage(page);
  await library.goto();
  await newDraft(library, 'Alpha on cybersecurity', 'Norms in practice.');
  await newDraft(library, 'Bravo on youth', 'Young people in the IGF.');
  await expect(library.item('Bravo on youth')).toContainText(/New BPF proposal · \d+ words · [\d.]+ of 3 pages · \d+ problems? to fix · edited/);

  await library.item('Bravo on youth').getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('textbox', { name: 'New title for “Bravo on youth”' });
  await expect(rename).toBeFocused();
  await rename.fill('Bravo renamed');
  await rename.press('Enter');
  await expect(library.notice.filter({ hasText: '“Bravo on youth” is now called “Bravo renamed”.' })).toBeVisible();

  await library.item('Bravo renamed').getByRole('button', { name: 'Duplicate' }).click();
  await expect(library.openButton('Copy of Bravo renamed')).toBeVisible();

  await library.item('Alpha on cybersecurity').getByRole('button', { name: 'Delete' }).click();
  await expect(library.drafts.getByRole('button', { name: 'Alpha on cybersecurity' })).toHaveCount(0);
  const undo = library.undo;
  await expect(undo).toBeFocused();
  // Undo is still there after ten seconds (every timer due in them has run).
  await page.clock.runFor(10_500);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(library.openButton('Alpha on cybersecurity')).toBeVisible();

  await library.sort.selectOption('Title');
  expect(await library.titles()).toEqual(['Alpha on cybersecurity', 'Bravo renamed', 'Copy of Bravo renamed']);
  await library.sort.selectOption('Last edited');
  expect((await library.titles())[2]).toBe('Alpha on cybersecurity');

  const filter = library.filter;
  await filter.fill('bravo');
  await expect(library.drafts.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Showing 2 of 3 drafts.')).toBeVisible();
  await filter.fill('young   PEOPLE');
  await expect(library.drafts.getByRole('listitem')).toHaveCount(2);
  await filter.fill('nothing like this');
  await expect(page.getByText('No draft matches “nothing like this”.')).toBeVisible();
  await filter.fill('');

  // A deleted draft stays in the trash until it is restored or deleted for good.
  await library.item('Copy of Bravo renamed').getByRole('button', { name: 'Delete' }).click();
  await library.openTrash(1);
  await library.trash.getByRole('button', { name: 'Restore' }).click();
  await expect(library.drafts.getByRole('listitem')).toHaveCount(3);
});

test('two tabs on one draft never overwrite each other silently', async ({ context }) => {
  const firstPage = await context.newPage();
  const first = new LibraryPage(firstPage);
  await first.goto();
  await newDraft(first, 'Shared draft', 'Started in the first tab.');
  const secondPage = await context.newPage();
  // The second tab's clock is Playwright's, so that its autosave's time can pass at once.
  await secondPage.clock.install();
  const second = new LibraryPage(secondPage);
  await second.goto();
  const secondEditor = await second.open('Shared draft');
  const firstEditor = await first.open('Shared draft');

  await firstEditor.section(THEME).fill('Rewritten in the first tab.');
  // The second tab is told as soon as the first one saves, before it types anything.
  const alert = secondPage.getByRole('alert').filter({ hasText: 'changed in another tab or window' });
  await expect(alert).toBeVisible();
  await secondEditor.section(THEME).fill('Typed in the second tab meanwhile.');
  // It says it does not save, and a second later (every timer of its autosave has run) it has not.
  await expect(secondEditor.saveStatus).toHaveText('Not saved');
  await secondPage.clock.runFor(1_000);
  const stored = Object.values(await storedDrafts(secondPage));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toContain('Rewritten in the first tab.');

  await alert.getByRole('button', { name: "Save this tab's text as a copy" }).click();
  await expect(secondEditor.title).toHaveValue('Copy of Shared draft');
  await expect(secondEditor.section(THEME)).toHaveValue('Typed in the second tab meanwhile.');
  await secondEditor.backToDrafts();
  await expect(second.drafts.getByRole('listitem')).toHaveCount(2);

  // "Show the latest version" keeps this tab's text in the draft's history.
  await second.openButton('Shared draft').click();
  await firstEditor.section(THEME).fill('Changed once more in the first tab.');
  await secondEditor.section(THEME).fill('Another text in the second tab.');
  await secondPage.getByRole('button', { name: 'Show the latest version' }).click();
  await expect(secondEditor.section(THEME)).toHaveValue('Changed once more in the first tab.');
  await secondEditor.history.open();
  await expect(secondEditor.history.snapshots).toContainText('Before the text was replaced');
});

test('typing then closing the tab at once, 50 times, loses no character', async ({ context }) => {
  test.setTimeout(300_000);
  const setupPage = await context.newPage();
  const setup = new LibraryPage(setupPage);
  await setup.goto();
  await newDraft(setup, 'Closed quickly', 'Start.');
  await setupPage.close();
  let expected = 'Start.';
  for (let round = 0; round < 50; round++) {
    const page = await context.newPage();
    const library = new LibraryPage(page);
    await library.goto();
    const editor = await library.open('Closed quickly');
    await expect(editor.section(THEME)).toHaveValue(expected);
    const words = ` w${round}`;
    await editor.section(THEME).press('End');
    await page.keyboard.type(words);
    expected += words;
    await page.close({ runBeforeUnload: true });
  }
  const check = new LibraryPage(await context.newPage());
  await check.goto();
  const editor = await check.open('Closed quickly');
  await expect(editor.section(THEME)).toHaveValue(expected);
});

async function fillQuota(page: Page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let index = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`junk-${index++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
    return index;
  });
}

test('a full quota shows the banner, keeps the text and offers a backup', async ({ page }, info) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  await editor.title.fill('Written on a full disk');
  await expect(editor.saveStatus).toHaveText(/^Saved in this browser/);
  await fillQuota(page);
  const text = 'Every word typed while the storage is full. '.repeat(20);
  await editor.section(THEME).fill(text);
  const banner = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(banner).toContainText("the browser's storage for this site is full");
  await expect(editor.section(THEME)).toHaveValue(text);

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a backup now' }).click();
  const file = await download;
  const path = info.outputPath('backup.json');
  await file.saveAs(path);
  expect(file.suggestedFilename()).toMatch(/^igf-proposal-drafts-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(readFileSync(path, 'utf8')).toContain('Every word typed while the storage is full.');

  // Space comes back: saving resumes on its own.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk-')).forEach((k) => localStorage.removeItem(k)));
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(editor.saveStatus).toHaveText(/^Saved in this browser/);
  await page.reload();
  await expect(editor.section(THEME)).toHaveValue(text);
});

test('a backup restores every draft into a fresh browser profile, merging without overwriting', async ({ page, browser }, info) => {
  const library = new LibraryPage(page);
  await library.goto();
  const drafts = ['First «draft» 日本語', 'Second draft', 'Third <b>draft</b>'];
  for (const [i, title] of drafts.entries()) await newDraft(library, title, `Theme number ${i}.`);
  const path = info.outputPath('backup.json');
  await (await library.backUp()).saveAs(path);
  await expect(page.getByText(/Last backup: /)).toBeVisible();

  const fresh = await browser.newContext();
  const other = new LibraryPage(await fresh.newPage());
  await other.goto();
  await newDraft(other, 'Already here', 'Mine.');
  await other.restore(path);
  await expect(other.notice.filter({ hasText: 'Restored from the backup: 3 drafts added.' })).toBeVisible();
  expect((await other.titles()).sort()).toEqual([...drafts, 'Already here'].sort());
  const first = await other.open(drafts[0]);
  await expect(first.section(THEME)).toHaveValue('Theme number 0.');
  await first.backToDrafts();

  // Restoring again changes nothing; a newer local edit is kept.
  const second = await other.open('Second draft');
  await second.section(THEME).fill('Edited after the backup.');
  await second.backToDrafts();
  await other.restore(path);
  await expect(other.notice).toContainText('2 drafts already here and unchanged; 1 draft kept as they are because the copy in this browser is newer');
  await fresh.close();
});

test('unreadable and newer-schema values never stop the app and are offered for download', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    localStorage.setItem('igf-proposal-editor/draft/broken', '{"schema":2,"draft":{"id":"broken"');
    localStorage.setItem('igf-proposal-editor/draft/future', '{"schema":9,"draft":{}}');
  });
  await page.reload();
  const library = new LibraryPage(page);
  const problems = library.unreadable;
  await expect(problems).toContainText('was moved aside so that it cannot stop the editor');
  await expect(problems).toContainText('saved by a newer version of this editor (schema 9)');
  const download = page.waitForEvent('download');
  await problems.getByRole('button', { name: 'Download it' }).last().click();
  expect((await download).suggestedFilename()).toMatch(/broken\.json$/);
  const future = await page.evaluate(() => localStorage.getItem('igf-proposal-editor/draft/future'));
  expect(future).toBe('{"schema":9,"draft":{}}');
  await expect(library.newButton('New BPF proposal')).toBeEnabled();
});

test('history keeps snapshots to preview, compare and restore', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const editor = await library.create('New BPF proposal');
  await editor.title.fill('With history');
  await editor.section(THEME).fill('The first version of the theme.');
  const history = editor.history;
  await history.open();
  await history.saveSnapshot();
  await editor.section(THEME).fill('The second version of the theme.');
  await history.action('Compare with now').click();
  await expect(history.changes.locator('del')).toContainText('first');
  await expect(history.changes.locator('ins')).toContainText('second');
  await history.action('Preview').click();
  await expect(history.preview).toContainText('The first version of the theme.');
  await history.action('Restore').click();
  await expect(editor.section(THEME)).toHaveValue('The first version of the theme.');
});
