import { expect, test, allowErrors } from '../support/test';
import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { storedDrafts } from '../support/storage';

// The release build is split (scripts/split.mjs): the History panel, the pages, the review
// screen and the passphrase screen are wasm chunks fetched when first shown. Loading one must
// never cost a keystroke, and a chunk that cannot be fetched (offline on a first visit, a new
// deployment that replaced it) gives a sentence and a retry, never a broken screen.

const THEME = 'Proposed Theme/Issue for the BPF';
const HISTORY_CHUNK = /\/chunks\/split_history-[0-9a-f]{16}\.wasm$/;
const IMPORT_CHUNK = /\/chunks\/split_import-[0-9a-f]{16}\.wasm$/;
const FAILED = 'This part of the editor could not be loaded: the connection may be off, or a newer version of the editor was published. Your draft is safe. Check the connection and try again, or reload the page to get the newer version.';

test('keys typed while a chunk loads are all kept, and the panel comes when it arrives', async ({ page }) => {
  const editor = new EditorPage(page);
  await (await editor.gotoStart()).create('New BPF proposal');
  // The chunk is held back until the author has typed, so the typing happens while it loads.
  let release!: () => void;
  const typed = new Promise<void>((resolve) => { release = resolve; });
  await page.route(HISTORY_CHUNK, async (route) => {
    await typed;
    await route.continue();
  });
  await editor.history.toggle.click();
  await expect(editor.chunkStatus).toHaveText('Loading…');
  await editor.section(THEME).click();
  await page.keyboard.type('Every key while the History panel loads.');
  release();
  await expect(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
  await expect(editor.section(THEME)).toHaveValue('Every key while the History panel loads.');
  await expect(editor.chunkStatus).toHaveCount(0);
});

test('a chunk that cannot be fetched says what happened and what to do, and Try again loads it', async ({ page }, info) => {
  // Chromium logs the refused fetch, and the chunk loader logs why the chunk did not start.
  allowErrors(/Failed to load resource/, /Failed to fetch|TypeError/);
  const editor = new EditorPage(page);
  await (await editor.gotoStart()).create('New BPF proposal');
  await editor.section(THEME).fill('Kept while a part of the editor is missing.');
  await page.route(HISTORY_CHUNK, (route) => route.abort('internetdisconnected'));
  await editor.history.toggle.click();
  const failure = editor.chunkFailure;
  await expect(failure).toContainText(FAILED);
  await page.screenshot({ path: info.outputPath('chunk-failed.png') });
  // The rest of the editor goes on working.
  await editor.section(THEME).press('End');
  await page.keyboard.type(' Still typing.');
  await expect(editor.section(THEME)).toHaveValue('Kept while a part of the editor is missing. Still typing.');
  // A second failure says the same; once the network answers, the panel loads.
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(failure).toBeVisible();
  await page.unroute(HISTORY_CHUNK);
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
  await expect(failure).toHaveCount(0);
  await expect(editor.section(THEME)).toHaveValue('Kept while a part of the editor is missing. Still typing.');
});

test('the first load fetches no chunk: each is fetched once, when its screen is first shown', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/chunks/')) chunks.push(request.url()); });
  const editor = new EditorPage(page);
  await (await editor.gotoStart()).create('New BPF proposal');
  await editor.section(THEME).fill('Typed before any chunk.');
  expect(chunks).toEqual([]);
  await editor.history.open();
  expect(chunks.some((url) => HISTORY_CHUNK.test(url))).toBe(true);
  const fetched = chunks.length;
  await editor.history.toggle.click();
  await editor.history.open();
  expect(chunks).toHaveLength(fetched);
});

test('a file chosen while the import cannot be fetched gets the sentence, changes nothing, and imports once it can', async ({ page }) => {
  allowErrors(/Failed to load resource/, /Failed to fetch|TypeError/);
  const library = new LibraryPage(page);
  await library.goto();
  const file = { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Proposed Theme/Issue for the BPF\n\nA theme from a file.\n') };
  await page.route(IMPORT_CHUNK, (route) => route.abort('internetdisconnected'));
  const flow = await library.import(file);
  await expect(flow.error).toHaveText(FAILED);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(0);
  await page.unroute(IMPORT_CHUNK);
  await library.import(file);
  await expect(flow.foreign('notes.md')).toBeVisible();
  await expect(flow.error).toHaveCount(0);
});
