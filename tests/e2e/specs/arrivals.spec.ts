import { readFileSync } from 'node:fs';
import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { ReviewPage } from '../pages/review';
import { ShareDialog, shareLink } from '../pages/share';
import { writeDraft } from '../support/people';
import { storedDraftTitled } from '../support/storage';
import { fieldId, recordTyping, typedInto } from '../support/typing';
import { expect, test, type Browser, type Page } from '../support/test';

// Something arrives in a tab where the author is typing in the editor: a share link of another
// draft, a review of the draft being written, or a file through Import. It arrives in the same
// moment as the author's keys, without waiting for autosave or for the keys to be handled.
// Whatever arrives is shown, nothing panics (the shared fixture fails the test on any page or
// console error), and every key that reached the author's field is stored.

const TITLE = 'Newcomer Engagement — «naïve» <b>&</b> 日本語';
const PURPOSE = 'Purpose of the WG';
const COLLEAGUE_TITLE = 'A colleague’s BPF on community networks';

/** Keys typed while something arrives: letters only, so that a focused button never fires. */
const RACING_KEYS = 'andthesekeystooarrivingatonce';

/** A colleague, in a browser of their own, writes a BPF proposal; returns its editor's page. */
async function colleagueDraft(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const library = new LibraryPage(page);
  await library.goto();
  const editor = await library.create('New BPF proposal');
  await editor.title.fill(COLLEAGUE_TITLE);
  await editor.section('Proposed Theme/Issue for the BPF').fill('Community networks connect the places that markets leave out.');
  return { context, page, editor };
}

/** The hash of a link: what goes into `location.hash` of a tab that has the editor open. */
function hashOf(link: string): string {
  return new URL(link).hash;
}

/** A reviewer opens the author's link in a browser of their own, comments, and sends. */
async function reviewOf(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  const review = new ReviewPage(page);
  await expect(review.banner).toBeVisible();
  await review.reviewerName.fill('Rahul Sharma');
  await review.comment(PURPOSE, 'Say which stakeholder groups you mean.');
  const send = await review.send();
  return { context, page, send };
}

/** The author, in the editor, puts the cursor at the end of the Purpose and types a few words. */
async function authorTyping(page: Page) {
  const editor = new EditorPage(page);
  const field = editor.section(PURPOSE);
  const id = await fieldId(field);
  await recordTyping(page);
  await field.press('End');
  // Typed, and at once followed by what arrives: nothing waits for autosave.
  await page.keyboard.type(' Typed just before it arrived.');
  return { editor, id };
}

/**
 * Every key that reached the author's field is stored, the field's last text exactly; `shown`
 * also expects it in the editor (for flows that end in the author's editor).
 */
async function expectKeysKept(page: Page, id: string, { shown }: { shown: boolean }) {
  const typed = await typedInto(page, id);
  expect(typed, 'keys reached the Purpose field').toBeDefined();
  // The keys typed before the arrival all reached the field that the author was typing in.
  expect(typed!.first).toContain('Typed just before it arrived.');
  // If the field was rendered again and took more keys, it went on from the same text.
  expect(typed!.last.startsWith(typed!.first)).toBe(true);
  await expect
    .poll(async () => (await storedDraftTitled(page, TITLE))?.draft.sections.purpose, { message: 'the Purpose as last typed is stored' })
    .toBe(typed!.last);
  if (shown) await expect(new EditorPage(page).section(PURPOSE)).toHaveValue(typed!.last);
}

test('a share link put into the tab while the author types opens review mode, and keeps every key', async ({ page, browser }) => {
  const colleague = await colleagueDraft(browser);
  const link = await shareLink(colleague.page);
  await colleague.context.close();

  await writeDraft(page);
  const { id } = await authorTyping(page);
  const typing = page.keyboard.type(RACING_KEYS, { delay: 10 });
  await page.evaluate((hash) => { location.hash = hash; }, hashOf(link));
  await typing;

  const review = new ReviewPage(page);
  await expect(review.banner).toBeVisible();
  await expect(page.getByText(COLLEAGUE_TITLE).first()).toBeVisible();
  await expectKeysKept(page, id, { shown: false });
  // The colleague's draft is read, not added to the author's drafts.
  expect(await storedDraftTitled(page, COLLEAGUE_TITLE)).toBeUndefined();
});

test('a review link put into the tab while the author types in that draft shows the comments, and keeps every key', async ({ page, browser }) => {
  const author = await writeDraft(page);
  const link = await shareLink(page);
  const reviewer = await reviewOf(browser, link);
  const reviewLink = await reviewer.send.linkValue();
  await reviewer.context.close();

  // The author still has the draft open, and types in it as the review arrives.
  const { id } = await authorTyping(page);
  const typing = page.keyboard.type(RACING_KEYS, { delay: 10 });
  await page.evaluate((hash) => { location.hash = hash; }, hashOf(reviewLink));
  await typing;

  await expect(page.getByRole('alert').filter({ hasText: 'The review from Rahul Sharma is added to this draft: 1 new and 0 updated comments' })).toBeVisible();
  await expect(author.title).toHaveValue(TITLE);
  await expect(author.commentText(PURPOSE)).toHaveText('Say which stakeholder groups you mean.');
  await expectKeysKept(page, id, { shown: true });
});

test('a review file imported while the author’s keys still arrive shows the comments, and keeps every key', async ({ page, browser }, info) => {
  const author = await writeDraft(page);
  const link = await shareLink(page);
  const reviewer = await reviewOf(browser, link);
  const download = await reviewer.send.downloadReviewFile();
  const path = info.outputPath('review.json');
  await download.saveAs(path);
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(path) };
  await reviewer.context.close();

  // Import is on the start screen: the author leaves the editor while still typing, and opens
  // the review file at once.
  const { id } = await authorTyping(page);
  const typing = page.keyboard.type(RACING_KEYS, { delay: 10 });
  const library = await author.backToDrafts();
  await library.import(file);
  await typing;

  await expect(page.getByRole('alert').filter({ hasText: 'The review from Rahul Sharma is added to this draft: 1 new and 0 updated comments' })).toBeVisible();
  await expect(author.title).toHaveValue(TITLE);
  await expect(author.commentText(PURPOSE)).toHaveText('Say which stakeholder groups you mean.');
  await expectKeysKept(page, id, { shown: true });
});

test('a draft file opened for review through Import while the author’s keys still arrive shows it, and keeps every key', async ({ page, browser }, info) => {
  const colleague = await colleagueDraft(browser);
  const share = new ShareDialog(colleague.page);
  await share.open();
  const download = await share.downloadDraftFile();
  const path = info.outputPath('colleague.json');
  await download.saveAs(path);
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(path) };
  await colleague.context.close();

  const author = await writeDraft(page);
  const { id } = await authorTyping(page);
  const typing = page.keyboard.type(RACING_KEYS, { delay: 10 });
  const library = await author.backToDrafts();
  const flow = await library.import(file);
  await expect(flow.choice(COLLEAGUE_TITLE)).toBeVisible();
  const review = await flow.openForReview();
  await typing;

  await expect(review.banner).toBeVisible();
  await expect(page.getByText(COLLEAGUE_TITLE).first()).toBeVisible();
  await expectKeysKept(page, id, { shown: false });
  expect(await storedDraftTitled(page, COLLEAGUE_TITLE)).toBeUndefined();
});
