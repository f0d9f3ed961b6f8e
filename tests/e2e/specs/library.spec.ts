import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EditorPage } from '../pages/editor';

const THEME = 'Proposed Theme/Issue for the BPF';

async function newDraft(editor: EditorPage, title: string, theme: string) {
  await editor.create('New BPF proposal');
  await editor.title.fill(title);
  await editor.section(THEME).fill(theme);
  await editor.backToDrafts();
  await expect(editor.drafts.getByRole('button', { name: title, exact: true })).toBeVisible();
}

function item(editor: EditorPage, title: string) {
  return editor.drafts.getByRole('listitem').filter({ has: editor.page.getByRole('button', { name: title, exact: true }) });
}

async function titles(editor: EditorPage) {
  return editor.drafts.locator('.draft-open').allTextContents();
}

test('drafts can be renamed, duplicated, deleted with undo, sorted and filtered', async ({ page }) => {
  test.setTimeout(120_000);
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await newDraft(editor, 'Alpha on cybersecurity', 'Norms in practice.');
  await newDraft(editor, 'Bravo on youth', 'Young people in the IGF.');
  await expect(item(editor, 'Bravo on youth')).toContainText(/New BPF proposal · \d+ words · [\d.]+ of 3 pages · \d+ problems? to fix · edited/);

  await item(editor, 'Bravo on youth').getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('textbox', { name: 'New title for “Bravo on youth”' });
  await expect(rename).toBeFocused();
  await rename.fill('Bravo renamed');
  await rename.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“Bravo on youth” is now called “Bravo renamed”.' })).toBeVisible();

  await item(editor, 'Bravo renamed').getByRole('button', { name: 'Duplicate' }).click();
  await expect(editor.drafts.getByRole('button', { name: 'Copy of Bravo renamed', exact: true })).toBeVisible();

  await item(editor, 'Alpha on cybersecurity').getByRole('button', { name: 'Delete' }).click();
  await expect(editor.drafts.getByRole('button', { name: 'Alpha on cybersecurity' })).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeFocused();
  await page.waitForTimeout(10_500); // Undo is still there after ten seconds.
  await undo.click();
  await expect(editor.drafts.getByRole('button', { name: 'Alpha on cybersecurity', exact: true })).toBeVisible();

  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await sort.selectOption('Title');
  expect(await titles(editor)).toEqual(['Alpha on cybersecurity', 'Bravo renamed', 'Copy of Bravo renamed']);
  await sort.selectOption('Last edited');
  expect((await titles(editor))[2]).toBe('Alpha on cybersecurity');

  const filter = page.getByRole('searchbox', { name: 'Filter drafts' });
  await filter.fill('bravo');
  await expect(editor.drafts.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Showing 2 of 3 drafts.')).toBeVisible();
  await filter.fill('young   PEOPLE');
  await expect(editor.drafts.getByRole('listitem')).toHaveCount(2);
  await filter.fill('nothing like this');
  await expect(page.getByText('No draft matches “nothing like this”.')).toBeVisible();
  await filter.fill('');

  // A deleted draft stays in the trash until it is restored or deleted for good.
  await item(editor, 'Copy of Bravo renamed').getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Trash (1)').click();
  await page.getByRole('list', { name: 'Deleted drafts' }).getByRole('button', { name: 'Restore' }).click();
  await expect(editor.drafts.getByRole('listitem')).toHaveCount(3);
});

test('two tabs on one draft never overwrite each other silently', async ({ context }) => {
  const first = new EditorPage(await context.newPage());
  await first.gotoStart();
  await newDraft(first, 'Shared draft', 'Started in the first tab.');
  const second = new EditorPage(await context.newPage());
  await second.gotoStart();
  await second.drafts.getByRole('button', { name: 'Shared draft', exact: true }).click();
  await first.drafts.getByRole('button', { name: 'Shared draft', exact: true }).click();

  await first.section(THEME).fill('Rewritten in the first tab.');
  // The second tab is told as soon as the first one saves, before it types anything.
  const alert = second.page.getByRole('alert').filter({ hasText: 'changed in another tab or window' });
  await expect(alert).toBeVisible();
  await second.section(THEME).fill('Typed in the second tab meanwhile.');
  await second.page.waitForTimeout(1_000);
  const stored = await second.page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('igf-proposal-editor/draft/')).map((k) => localStorage.getItem(k)!),
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]).toContain('Rewritten in the first tab.');

  await alert.getByRole('button', { name: "Save this tab's text as a copy" }).click();
  await expect(second.title).toHaveValue('Copy of Shared draft');
  await expect(second.section(THEME)).toHaveValue('Typed in the second tab meanwhile.');
  await second.backToDrafts();
  await expect(second.drafts.getByRole('listitem')).toHaveCount(2);

  // "Show the latest version" keeps this tab's text in the draft's history.
  await second.drafts.getByRole('button', { name: 'Shared draft', exact: true }).click();
  await first.section(THEME).fill('Changed once more in the first tab.');
  await second.section(THEME).fill('Another text in the second tab.');
  await second.page.getByRole('button', { name: 'Show the latest version' }).click();
  await expect(second.section(THEME)).toHaveValue('Changed once more in the first tab.');
  await second.page.getByRole('button', { name: 'History' }).click();
  await expect(second.page.getByRole('list', { name: 'Snapshots' })).toContainText('Before the text was replaced');
});

test('typing then closing the tab at once, 50 times, loses no character', async ({ context }) => {
  test.setTimeout(300_000);
  const setup = new EditorPage(await context.newPage());
  await setup.gotoStart();
  await newDraft(setup, 'Closed quickly', 'Start.');
  await setup.page.close();
  let expected = 'Start.';
  for (let round = 0; round < 50; round++) {
    const page = await context.newPage();
    const editor = new EditorPage(page);
    await editor.gotoStart();
    await editor.drafts.getByRole('button', { name: 'Closed quickly', exact: true }).click();
    await expect(editor.section(THEME)).toHaveValue(expected);
    const words = ` w${round}`;
    await editor.section(THEME).press('End');
    await page.keyboard.type(words);
    expected += words;
    await page.close({ runBeforeUnload: true });
  }
  const check = new EditorPage(await context.newPage());
  await check.gotoStart();
  await check.drafts.getByRole('button', { name: 'Closed quickly', exact: true }).click();
  await expect(check.section(THEME)).toHaveValue(expected);
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
  await expect(page.getByText(/^Saved in this browser/)).toBeVisible();
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
  await expect(page.getByText(/^Saved in this browser/)).toBeVisible();
  await page.reload();
  await expect(editor.section(THEME)).toHaveValue(text);
});

test('a backup restores every draft into a fresh browser profile, merging without overwriting', async ({ page, browser }, info) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  const drafts = ['First «draft» 日本語', 'Second draft', 'Third <b>draft</b>'];
  for (const [i, title] of drafts.entries()) await newDraft(editor, title, `Theme number ${i}.`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all drafts' }).click();
  const path = info.outputPath('backup.json');
  await (await download).saveAs(path);
  await expect(page.getByText(/Last backup: /)).toBeVisible();

  const fresh = await browser.newContext();
  const other = new EditorPage(await fresh.newPage());
  await other.gotoStart();
  await newDraft(other, 'Already here', 'Mine.');
  const chooser = other.page.waitForEvent('filechooser');
  await other.page.getByRole('button', { name: 'Restore from backup' }).click();
  await (await chooser).setFiles(path);
  await expect(other.page.getByRole('status').filter({ hasText: 'Restored from the backup: 3 drafts added.' })).toBeVisible();
  expect((await titles(other)).sort()).toEqual([...drafts, 'Already here'].sort());
  await other.drafts.getByRole('button', { name: drafts[0], exact: true }).click();
  await expect(other.section(THEME)).toHaveValue('Theme number 0.');
  await other.backToDrafts();

  // Restoring again changes nothing; a newer local edit is kept.
  await other.drafts.getByRole('button', { name: 'Second draft', exact: true }).click();
  await other.section(THEME).fill('Edited after the backup.');
  await other.backToDrafts();
  const again = other.page.waitForEvent('filechooser');
  await other.page.getByRole('button', { name: 'Restore from backup' }).click();
  await (await again).setFiles(path);
  await expect(other.page.getByRole('status')).toContainText('2 drafts already here and unchanged; 1 draft kept as they are because the copy in this browser is newer');
  await fresh.close();
});

test('unreadable and newer-schema values never stop the app and are offered for download', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    localStorage.setItem('igf-proposal-editor/draft/broken', '{"schema":2,"draft":{"id":"broken"');
    localStorage.setItem('igf-proposal-editor/draft/future', '{"schema":9,"draft":{}}');
  });
  await page.reload();
  const problems = page.getByRole('region', { name: 'Saved data that cannot be opened' });
  await expect(problems).toContainText('was moved aside so that it cannot stop the editor');
  await expect(problems).toContainText('saved by a newer version of this editor (schema 9)');
  const download = page.waitForEvent('download');
  await problems.getByRole('button', { name: 'Download it' }).last().click();
  expect((await download).suggestedFilename()).toMatch(/broken\.json$/);
  const future = await page.evaluate(() => localStorage.getItem('igf-proposal-editor/draft/future'));
  expect(future).toBe('{"schema":9,"draft":{}}');
  await expect(page.getByRole('button', { name: 'New BPF proposal' })).toBeEnabled();
});

test('history keeps snapshots to preview, compare and restore', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  await editor.title.fill('With history');
  await editor.section(THEME).fill('The first version of the theme.');
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Save a snapshot now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A snapshot of the current text was saved.' })).toBeVisible();
  await editor.section(THEME).fill('The second version of the theme.');
  const snapshots = page.getByRole('list', { name: 'Snapshots' });
  await snapshots.getByRole('button', { name: 'Compare with now' }).first().click();
  const changes = page.getByRole('region', { name: /^Changes since/ });
  await expect(changes.locator('del')).toContainText('first');
  await expect(changes.locator('ins')).toContainText('second');
  await snapshots.getByRole('button', { name: 'Preview' }).first().click();
  await expect(page.getByRole('article', { name: /read-only$/ })).toContainText('The first version of the theme.');
  await snapshots.getByRole('button', { name: 'Restore' }).first().click();
  await expect(editor.section(THEME)).toHaveValue('The first version of the theme.');
});
