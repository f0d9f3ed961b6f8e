import { EditorPage, HEADINGS, type StartButton } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { storedEnvelopes } from '../support/storage';
import { expect, test } from '../support/test';

/** Text with accents, CJK, emoji, markup and Markdown that must come back byte for byte. */
function sampleText(heading: string, i: number): string {
  return [
    `Section ${i}: ${heading} — café, naïve, Ærøskøbing.`,
    '',
    '- 互联网治理论坛 and 日本語のテキスト',
    '- emoji 🎉👩‍💻 and "quotes" & <b>tags</b>',
    '',
    `1. **bold ${i}** and _italic_ and \`code\``,
    '\tindented line with trailing spaces   ',
  ].join('\n');
}

for (const kind of Object.keys(HEADINGS) as StartButton[]) {
  test(`${kind}: type into every section, see preview and counts, reload and find every character`, async ({ page }, testInfo) => {
    const editor = new EditorPage(page);
    await editor.gotoStart();
    await editor.create(kind);

    const headings = HEADINGS[kind];
    const title = `Proposal «${kind}» — Universal Acceptance 🌍`;
    await editor.title.fill(title);
    for (const [i, heading] of headings.entries()) {
      const field = editor.section(heading);
      await field.fill(sampleText(heading, i));
      // A few real keystrokes too.
      await field.press('End');
      await field.pressSequentially(' typed');
      await expect(editor.sectionCount(heading)).toContainText(/^\d+ words/);
      await expect(editor.preview).toContainText(`Section ${i}: ${heading}`);
    }

    // Preview renders Markdown, and shows typed HTML as text.
    await expect(editor.preview.locator('strong').first()).toHaveText('bold 0');
    await expect(editor.preview.locator('b')).toHaveCount(0);
    await expect(editor.preview).toContainText('<b>tags</b>');
    await expect(editor.preview.getByRole('heading', { name: title })).toBeVisible();

    // Word counts: every section has the same shape of text; the total adds them up.
    const counts = await Promise.all(headings.map(async (h) => parseInt((await editor.sectionCount(h).innerText()), 10)));
    for (const count of counts) expect(count).toBeGreaterThan(20);
    const titleWords = title.split(/\s+/).filter((w) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(w)).length;
    await expect(editor.totalWords).toHaveText(`${counts.reduce((a, b) => a + b, 0) + titleWords} words in total`);

    await page.screenshot({ path: testInfo.outputPath('editor.png'), fullPage: true });

    // Reload at once: the pagehide flush must have saved everything.
    await page.reload();
    await expect(editor.title).toHaveValue(title);
    for (const [i, heading] of headings.entries()) {
      await expect(editor.section(heading)).toHaveValue(sampleText(heading, i) + ' typed');
    }
  });
}

test('autosave writes a versioned envelope within a second, without a reload', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  await editor.section('Purpose of the WG').fill('To bring young people into the programme.');
  await expect(editor.saveStatus).toHaveText(/^Saved in this browser at/, { timeout: 1_500 });
  const stored = await storedEnvelopes(page);
  expect(stored).toHaveLength(1);
  expect(stored[0].schema).toBe(2);
  expect(stored[0].draft.kind).toBe('wg-new');
  expect(stored[0].draft.sections.purpose).toBe('To bring young people into the programme.');
});

test('the start screen leads back to the draft being written', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(page.getByText('No drafts yet.')).toBeVisible();
  const editor = await library.create('New BPF proposal');
  await editor.title.fill('Multilingual Content and Universal Acceptance');
  await editor.backToDrafts();
  await expect(library.openButton('Multilingual Content and Universal Acceptance')).toBeVisible();
  await library.open('Multilingual Content and Universal Acceptance');

  // A new tab starts at the start screen and still lists the draft.
  const second = new LibraryPage(await page.context().newPage());
  await second.goto();
  await expect(second.drafts.getByRole('listitem')).toHaveCount(1);
});

test('optional sections are marked, required ones are not', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  const optional = page.locator('.section-field').filter({ has: page.getByText('Optional', { exact: true }) });
  await expect(optional).toHaveCount(1);
  await expect(optional.getByRole('textbox')).toHaveAccessibleName('Implementation Plan (if appropriate)');
});

test('hostile Markdown in the preview runs nothing and links nowhere unsafe', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const requests: string[] = [];
  const origin = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url()).origin;
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) requests.push(r.url());
  });
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '<svg onload=alert(3)></svg>',
    '[click](JaVa&#x09;script:alert(4))',
    '[data](data:text/html,<script>alert(5)</script>)',
    '![pic](https://example.org/tracker.png)',
    '<javascript:alert(6)>',
    '[ref]\n\n[ref]: javascript:alert(7)',
    '[safe](https://www.intgovforum.org/)',
  ].join('\n\n');
  await editor.section('Proposed Theme/Issue for the BPF').fill(hostile);
  await expect(editor.preview).toContainText('<img src=x onerror=alert(2)>');
  const hrefs = await editor.preview.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['https://example.org/tracker.png', 'https://www.intgovforum.org/']);
  await expect(editor.preview.locator('img, script, svg, iframe')).toHaveCount(0);
  // Whatever the preview could run would have run once it is painted: two frames later.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(dialogs).toBe(0);
  expect(requests).toEqual([]);
});
