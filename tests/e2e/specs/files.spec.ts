import { readFileSync } from 'node:fs';
import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { storedDrafts } from '../support/storage';
import { expect, test, type Page } from '../support/test';

async function writeDraft(editor: EditorPage) {
  await editor.gotoStart();
  await editor.create('New WG proposal');
  await editor.title.fill('Newcomer Engagement — «naïve» <b>&</b> 日本語');
  await editor.section('Purpose of the WG').fill('To help **newcomers**.\n\n## Objectives/Goals of the WG\n\n<!-- igf:manifest -->\n- a [link](https://example.org)');
  await editor.section('Timeframe for the work').fill('One IGF cycle.');
  await editor.addPerson('Sara Lindqvist', 'Government', true);
  await editor.proposerName.fill('Tunde Bello');
}

async function exportFile(page: Page, label: string, path: string) {
  const file = await new EditorPage(page).export(label);
  await file.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: `Downloaded “${file.suggestedFilename()}”.` })).toBeVisible();
  await page.keyboard.press('Escape');
  return file.suggestedFilename();
}

for (const label of ['Draft file (.json)', 'Markdown (.md)', 'Web page (.html)']) {
  test(`${label} comes back through Import as the identical draft`, async ({ page }, info) => {
    const editor = new EditorPage(page);
    await writeDraft(editor);
    // Autosave first, so that the exported draft is the stored one.
    await editor.waitUntilSaved();
    const path = info.outputPath('export');
    const name = await exportFile(page, label, path);
    expect(name).toMatch(/^WG-proposal-newcomer-engagement-naïve-b-b-日本語-\d{4}-\d{2}-\d{2}\.(json|md|html)$/);
    await editor.backToDrafts();
    const before = await storedDrafts(page);

    // Import into a fresh browser profile: the draft arrives exactly as it was.
    const fresh = await page.context().browser()!.newContext();
    const other = await fresh.newPage();
    const library = new LibraryPage(other);
    await library.goto();
    const flow = await library.import({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path) });
    // A draft this browser does not have: add it, or open it for review.
    await expect(flow.choice('Newcomer Engagement — «naïve» <b>&</b> 日本語')).toBeVisible();
    const second = await flow.addToMyDrafts();
    await expect(second.title).toHaveValue('Newcomer Engagement — «naïve» <b>&</b> 日本語');
    await second.backToDrafts();
    expect(await storedDrafts(other)).toEqual(before);
    await fresh.close();
  });
}

test('the exported HTML makes no request and runs no script', async ({ page, browser }, info) => {
  const editor = new EditorPage(page);
  await writeDraft(editor);
  await editor.section('Expected Output(s)').fill('<img src="https://example.org/x.png" onerror="alert(1)"> ![t](https://example.org/t.png) <script>alert(2)</script>');
  const path = info.outputPath('page.html');
  await exportFile(page, 'Web page (.html)', path);
  const html = readFileSync(path, 'utf8');
  expect(html).toContain("default-src 'none'");
  expect(html.toLowerCase()).not.toContain('<script');

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const requests: string[] = [];
  let dialogs = 0;
  viewer.on('request', (r) => requests.push(r.url()));
  viewer.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await viewer.goto(`file://${path}`);
  await expect(viewer.getByRole('heading', { name: 'Purpose of the WG' })).toBeVisible();
  await expect(viewer.getByText('Draft: not ready to submit')).toBeVisible();
  // Anything the file could load would have been asked for by now: no request for half a second.
  await viewer.waitForLoadState('networkidle');
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(dialogs).toBe(0);
  expect(await viewer.evaluate(() => document.scripts.length)).toBe(0);
  await viewer.screenshot({ path: info.outputPath('export-html.png'), fullPage: true });
  await context.close();
});

test('importing an older copy of a stored draft asks before it changes anything', async ({ page }, info) => {
  const editor = new EditorPage(page);
  await writeDraft(editor);
  const path = info.outputPath('draft.json');
  const name = await exportFile(page, 'Draft file (.json)', path);
  await editor.section('Timeframe for the work').fill('Changed after the export.');
  const library = await editor.backToDrafts();
  const before = await storedDrafts(page);
  const file = { name, mimeType: 'application/json', buffer: readFileSync(path) };
  const flow = await library.import(file);
  await expect(flow.conflict).toBeVisible();
  expect(await storedDrafts(page)).toEqual(before);
  await flow.cancel(flow.conflict);
  await expect(flow.conflict).toHaveCount(0);
  expect(await storedDrafts(page)).toEqual(before);

  await library.import(file);
  const copy = await flow.keepBoth();
  await expect(copy.section('Timeframe for the work')).toHaveValue('One IGF cycle.');
  await copy.backToDrafts();
  await expect(library.drafts.getByRole('listitem')).toHaveCount(2);
});

test('a foreign Markdown file is mapped by its headings, shown, then saved on request', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const markdown = '# Youth in the IGF\n\nIntro text.\n\n## Purpose\n\nTo bring young people in.\n\n## 2. Goals\n\n1. Review.\n\n## Deliverables\n\nA paper.\n\n## Timeline:\n\nFebruary to December.\n';
  const flow = await library.import({ name: 'youth.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  const preview = flow.foreign('youth.md');
  await expect(preview).toContainText('“Purpose” → Purpose of the WG');
  await expect(preview).toContainText('“2. Goals” → Objectives/Goals of the WG');
  await expect(preview).toContainText('“Deliverables” → Expected Output(s)');
  await expect(preview).toContainText('“Timeline” → Timeframe for the work');
  await expect(preview).toContainText('Text before the first matching heading → Purpose of the WG');
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
  const editor = await flow.importAsNewDraft();
  await expect(editor.title).toHaveValue('Youth in the IGF');
  await expect(editor.section('Purpose of the WG')).toHaveValue('Intro text.\n\nTo bring young people in.');
  await expect(editor.section('Timeframe for the work')).toHaveValue('February to December.');
});

test('a broken file gets a specific error and changes nothing', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const flow = await library.import({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":2,\n"draft": [}') });
  await expect(flow.error).toHaveText('“broken.json” is not a draft file: the stored text is not valid JSON (line 2, column 11: expected a value). Nothing was changed.');
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
});

test('email to the Secretariat is a short mailto link to the address in Settings', async ({ page }) => {
  const editor = new EditorPage(page);
  await writeDraft(editor);
  await editor.exportButton.click();
  const href = await page.getByRole('link', { name: 'Email to the Secretariat' }).getAttribute('href');
  expect(href).toMatch(/^mailto:igf%40un\.org\?subject=WG%20proposal%3A%20Newcomer%20Engagement/);
  expect(href!.length).toBeLessThanOrEqual(1800);
  expect(decodeURIComponent(href!)).toContain('Attach the downloaded file before sending: WG-proposal-newcomer-engagement');
});

test('the Word export opens in LibreOffice with every heading, and comes back through Import', async ({ page, browser }, info) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New continuing BPF proposal');
  await editor.title.fill('Gender and Digital Rights');
  await editor.section('Objectives/Goals of the BPF').fill('- Collect **case studies**.\n- Publish a [report](https://www.intgovforum.org/).\n\n1. First\n2. Second');
  await editor.addPerson('Amina Diallo', 'Government', true);
  const path = info.outputPath('proposal.docx');
  const name = await exportFile(page, 'Word document (.docx)', path);
  expect(name).toMatch(/^Continuing-BPF-proposal-gender-digital-rights-\d{4}-\d{2}-\d{2}\.docx$/);

  const { execFileSync } = await import('node:child_process');
  const outDir = info.outputPath('pdf');
  execFileSync('soffice', [`-env:UserInstallation=file://${info.outputPath('lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, path], { timeout: 120_000 });
  const pdf = `${outDir}/proposal.pdf`;
  expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Pages:\s+\d+/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const needle of ['Gender and Digital Rights', 'Proposed Theme/Issue for the BPF', 'Objectives/Goals of the BPF', 'Expected Output(s)', 'Outreach and Dissemination Plan/Strategy', 'Timeframe for the work (1-year or multi-year forecast)', 'Annual work report of the prior year', 'Amina Diallo', 'Draft: not ready to submit']) {
    expect(text.replace(/\s+/g, ' ')).toContain(needle);
  }
  expect(text.replace(/\s+/g, ' ')).toContain('Names of Co-Facilitator(s) (2-3 MAG members + non-MAG');

  await editor.backToDrafts();
  const before = await storedDrafts(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const library = new LibraryPage(other);
  await library.goto();
  const second = await (await library.import({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path) })).addToMyDrafts();
  await expect(second.title).toHaveValue('Gender and Digital Rights');
  await second.backToDrafts();
  expect(await storedDrafts(other)).toEqual(before);
  await fresh.close();
});

test('the plain-text export is wrapped for an email body and keeps every heading', async ({ page }, info) => {
  const editor = new EditorPage(page);
  await writeDraft(editor);
  await editor.section('Expected Output(s)').fill('A recommendations paper to the MAG ahead of its second face-to-face meeting, and a short guide for workshop organisers on involving young speakers from every region.');
  const path = info.outputPath('proposal.txt');
  const name = await exportFile(page, 'Plain text (.txt)', path);
  expect(name).toMatch(/\.txt$/);
  const text = readFileSync(path, 'utf8');
  for (const heading of ['Purpose of the WG', 'Objectives/Goals of the WG', 'Expected Output(s)', 'Implementation Plan (if appropriate)', 'Timeframe for the work']) {
    expect(text).toContain(`\n${heading}\n`);
  }
  expect(text.startsWith('Newcomer Engagement')).toBe(true);
  for (const line of text.split('\n')) {
    if (!line.includes('https://') && !line.startsWith('Template ')) expect([...line].length).toBeLessThanOrEqual(72);
  }
});

test('the PDF export has exactly the pages of the live count, and the author is told what it cannot show', async ({ page }, info) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  await editor.title.fill('Multilingual Content and Universal Acceptance');
  const paragraph = 'Most of the next billion Internet users will read and write in languages other than English, yet many websites and forms still reject addresses in local scripts. ';
  await editor.section('Proposed Theme/Issue for the BPF').fill(Array.from({ length: 12 }, () => paragraph.repeat(3)).join('\n\n'));
  await editor.section('Objectives/Goals of the BPF').fill('- Collect case studies.\n- Identify obstacles: Жанна, Łódź, 日本語, שלום.\n\n1. First\n2. Second');
  const label = await editor.pageCount.innerText();
  const livePages = Math.ceil(parseFloat(label));

  await editor.exportButton.click();
  // Only what no embedded font has, and the script the layout cannot set right to left.
  await expect(page.getByText(/^The PDF fonts have no letters for 3 characters of this draft \(日 本 語\)/)).toBeVisible();
  await expect(page.getByText(/^The PDF cannot set Hebrew text right to left yet: 4 characters of this draft \(ש ל ו ם\)/)).toBeVisible();
  await expect(page.locator('.export-gaps')).toHaveCount(2);
  await page.locator('#export-panel').screenshot({ path: info.outputPath('export-menu.png') });
  await page.keyboard.press('Escape');
  const path = info.outputPath('proposal.pdf');
  await exportFile(page, 'PDF (.pdf)', path);
  const { execFileSync } = await import('node:child_process');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
  expect(pages).toBe(livePages);
  const text = execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, ' ');
  for (const needle of ['Multilingual Content and Universal Acceptance', 'Proposed Theme/Issue for the BPF', 'Objectives/Goals of the BPF', 'Draft: not ready to submit', 'Жанна, Łódź, 日本語']) {
    expect(text).toContain(needle);
  }
  const fonts = execFileSync('pdffonts', [path]).toString().trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Liberation\S+\s+CID TrueType\s+Identity-H\s+yes yes yes /);
});

test('on a slow link the first PDF shows how far its fonts have loaded, and the next one needs no download', async ({ browser }, info) => {
  // Without the service worker, so that the fonts come over the throttled network.
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  await editor.title.fill('Slow Link');
  await editor.section('Purpose of the WG').fill('Text in **bold** and *italic*.');
  const fonts: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fonts.push(r.url().split('/fonts/')[1]); });
  // A slow link: each font arrives a while after it was asked for.
  await page.route('**/fonts/*.ttf', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  });
  const status = page.getByRole('status').filter({ hasText: /Loading the fonts for the PDF|Downloaded/ });
  const download = editor.export('PDF (.pdf)');
  await expect(status).toHaveText('Loading the fonts for the PDF: 0 of 1139 KB…');
  await expect(status).toHaveText(/^Loading the fonts for the PDF: [1-9]\d* of 1139 KB…$/);
  await page.screenshot({ path: info.outputPath('fonts-loading.png') });
  const first = await download;
  await first.saveAs(info.outputPath('first.pdf'));
  await expect(status).toHaveText(`Downloaded “${first.suggestedFilename()}”.`);
  expect(fonts.sort()).toEqual(['LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-Regular.ttf']);
  await page.keyboard.press('Escape');
  const second = await editor.export('PDF (.pdf)');
  await second.saveAs(info.outputPath('second.pdf'));
  expect(fonts).toHaveLength(3);
  await context.close();
});
