import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { storedDrafts } from '../support/storage';
import { expect, test } from '../support/test';

// Files made by LibreOffice (scripts/import-fixtures.sh), shared with the native tests.
const fixtures = join(__dirname, '..', '..', '..', 'crates', 'core', 'tests', 'fixtures');
const file = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(fixtures, 'import', name)) });

test('a Word document from LibreOffice fills the sections through the preview', async ({ page }, info) => {
  const library = new LibraryPage(page);
  await library.goto();
  const flow = await library.import(file('lo-wg-proposal.docx'));
  const preview = flow.foreign('lo-wg-proposal.docx');
  await expect(flow.template('lo-wg-proposal.docx')).toHaveValue('wg-new');
  await expect(preview).toContainText('Title: “MAG Working Group on Youth Participation”');
  await expect(preview).toContainText('“1. Purpose” → Purpose of the WG');
  await expect(preview).toContainText('“Deliverables” → Expected Output(s)');
  await expect(preview).toContainText('A table of 2 co-facilitators → the co-facilitator list');
  await preview.screenshot({ path: info.outputPath('import-preview.png') });
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
  const editor = await flow.importAsNewDraft();
  await expect(editor.title).toHaveValue('MAG Working Group on Youth Participation');
  await expect(editor.section('Objectives/Goals of the WG')).toHaveValue('- Map youth initiatives\n  - regional IGFs\n  - national IGFs\n- Publish a `toolkit.pdf` guide');
  await expect(editor.section('Timeframe for the work')).toHaveValue('February to December 2026.');
  expect(await editor.personNameValues()).toEqual(['Amina Diallo', 'Lucas Pereira']);
});

test('an OpenDocument text fills the sections and says what it left out', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const flow = await library.import(file('lo-bpf-features.odt'));
  const preview = flow.foreign('lo-bpf-features.odt');
  await expect(preview).toContainText('Left out, as a proposal has no place for them: 1 comment, 1 footnote, 1 header and 1 footer.');
  await expect(flow.template('lo-bpf-features.odt')).toHaveValue('bpf-new');
  // Another template maps the same text again before anything is saved.
  await flow.template('lo-bpf-features.odt').selectOption('wg-new');
  await expect(preview).toContainText('“Objectives” → Objectives/Goals of the WG');
  await flow.template('lo-bpf-features.odt').selectOption('bpf-new');
  const editor = await flow.importAsNewDraft();
  await expect(editor.title).toHaveValue('Best Practice Forum on Multilingual Content');
  await expect(editor.section('Objectives/Goals of the BPF')).toHaveValue('1. Collect case studies\n   1. from registries\n   2. from ***software makers***\n2. Publish [a report](https://www.intgovforum.org/en/content/bpfs)');
  await expect(editor.section('Outreach and Dissemination Plan/Strategy')).toHaveValue('Webinars with  regional IGFs.');
});

test('our DOCX edited in LibreOffice opens with the edits kept, or as exported', async ({ page }, info) => {
  const library = new LibraryPage(page);
  await library.goto();
  let flow = await library.import(file('own-edited-lo.docx'));
  await expect(flow.edited).toContainText('“Objectives/Goals of the BPF”, “Expected Output(s)”, “Outreach and Dissemination Plan/Strategy” and “Submission details” differ from the copy as exported.');
  await flow.edited.getByText('Show what differs').click();
  await expect(flow.edited.getByRole('insertion').first()).toHaveText('and compare ');
  await flow.edited.screenshot({ path: info.outputPath('edited-choice.png') });
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
  await flow.keepTheEdits();
  const editor = await flow.addToMyDrafts();
  await expect(editor.title).toHaveValue('Gender and Digital Rights');
  await expect(editor.section('Objectives/Goals of the BPF')).toHaveValue(/^- Collect and compare case studies\./);
  await expect(editor.section('Expected Output(s)')).toHaveValue('*A short guide for women journalists.*');
  await expect(editor.person(1).getByRole('textbox', { name: 'Affiliation' })).toHaveValue('Internet Society');
  await expect(editor.person(1).getByRole('textbox', { name: 'Email (optional)' })).toHaveValue('amina@example.org');
  await editor.waitUntilSaved();

  // The same file again: now the stored draft is the edited one, and the copy as exported replaces it on request.
  await editor.backToDrafts();
  flow = await library.import(file('own-edited-lo.docx'));
  await flow.useTheCopyAsExported();
  await expect(flow.conflict).toBeVisible();
  await page.getByRole('button', { name: 'Replace the stored draft' }).click();
  await expect(editor.section('Objectives/Goals of the BPF')).toHaveValue(/^- Collect case studies\./);
});

test('our DOCX saved again in LibreOffice without a change opens as exported, without a question', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const flow = await library.import(file('own-resaved-lo.docx'));
  await expect(flow.choice('Gender and Digital Rights')).toBeVisible();
  await expect(flow.edited).toHaveCount(0);
});

test('a legacy .doc gets one sentence and changes nothing', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(500), Buffer.from('WordDocument', 'utf16le')]);
  const flow = await library.import({ name: 'old.doc', mimeType: 'application/msword', buffer: doc });
  await expect(flow.error).toHaveText('“old.doc” could not be read: it is a Word 97-2003 document (.doc), which this editor cannot read; save it as .docx in Word or LibreOffice and import that. Nothing was changed.');
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
});

test('a formatted passage pastes as Markdown, and one undo takes it back', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  const heading = 'Objectives/Goals of the WG';
  await editor.section(heading).fill('Before. ');
  const word = readFileSync(join(fixtures, 'paste', 'word.html'), 'utf8');
  await editor.pasteInto(heading, word, 'Objectives\nThe BPF will collect and compare practice');
  await expect(editor.section(heading)).toHaveValue(/^Before\. ## Objectives\n\nThe BPF will \*\*collect\*\* and \*compare\* practice, see the \[BPF page\]\(https:\/\/www\.intgovforum\.org\/en\/content\/bpf-cybersecurity\)\. Use `igf-check`\.\n\n- Registries\n  - in Africa\n- Software makers\n\n1\. First step\n2\. Second step\n\nFigure caption$/);
  await expect(editor.preview.getByRole('link', { name: 'BPF page' })).toHaveAttribute('href', 'https://www.intgovforum.org/en/content/bpf-cybersecurity');
  await expect(editor.preview.locator('img')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(editor.section(heading)).toHaveValue('Before. ');

  // After Ctrl+Shift+V the paste stays plain: nothing here turns it into Markdown.
  await editor.pressPlainPasteShortcut(heading);
  await editor.pasteInto(heading, '<b>bold</b>', 'bold');
  await expect(editor.section(heading)).toHaveValue('Before. ');
  // A paste of plain text alone is the browser's own, as before.
  await editor.pasteInto(heading, '', 'plain');
  await expect(editor.section(heading)).toHaveValue('Before. ');
});
