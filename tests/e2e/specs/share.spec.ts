import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { EditorPage, storedDrafts } from '../pages/editor';

async function expectNoViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The author writes a WG proposal. */
async function writeDraft(page: Page) {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  await editor.title.fill('Newcomer Engagement — «naïve» <b>&</b> 日本語');
  await editor.section('Purpose of the WG').fill('To help **newcomers** take part.\n\n<script>alert(1)</script>');
  await editor.section('Expected Output(s)').fill('A recommendations paper to the MAG, and a short guide for workshop organisers.');
  await editor.section('Timeframe for the work').fill('One IGF cycle.');
  return editor;
}

/** Opens the Share dialog and returns the link it shows. */
async function shareLink(page: Page, passphrase = '') {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this draft for review' });
  await expect(dialog).toBeVisible();
  if (passphrase) await dialog.getByLabel('Passphrase (optional)').fill(passphrase);
  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toHaveValue(passphrase ? /#igf\.1\.de\./ : /#igf\.1\.d\./);
  await expect(dialog.getByText(/^[\d,]+ characters: fits in a chat message/)).toBeVisible();
  const value = await link.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return value;
}

/** A reviewer in a fresh browser, with a draft of their own. */
async function reviewerWithOwnDraft(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  await editor.title.fill('My own BPF');
  await editor.section('Expected Output(s)').fill('My own words.');
  await page.waitForTimeout(700);
  await editor.backToDrafts();
  return { context, page, editor, before: await storedDrafts(page) };
}

async function comment(page: Page, heading: string, text: string) {
  const section = page.getByRole('region', { name: heading, exact: true });
  await section.getByRole('button', { name: 'Add comment' }).click();
  await expect(section.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await section.getByRole('textbox', { name: 'Comment' }).fill(text);
  await section.getByRole('button', { name: 'Save comment' }).click();
  await expect(section.getByText(text)).toBeVisible();
}

test('the author shares, a reviewer comments and sends, the author sees each comment at its section', async ({ page, browser }) => {
  const author = await writeDraft(page);
  const link = await shareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dist\/#igf\.1\.d\.[A-Za-z0-9_-]+$/);

  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  await r.goto(link);
  await expect(r.getByRole('heading', { name: "You are reviewing someone else's draft" })).toBeVisible();
  expect(new URL(r.url()).hash).toBe('');
  await expect(r.getByText('Newcomer Engagement — «naïve» <b>&</b> 日本語').first()).toBeVisible();
  await expect(r.getByRole('region', { name: 'Checks' }).getByText(/^\d\.\d of 3 pages$/)).toBeVisible();
  const purpose = r.getByRole('region', { name: 'Purpose of the WG', exact: true });
  await expect(purpose.locator('strong')).toHaveText('newcomers');
  await expect(purpose.getByText('<script>alert(1)</script>')).toBeVisible();
  await expect(r.getByRole('textbox', { name: 'Purpose of the WG' })).toHaveCount(0);

  await r.getByRole('textbox', { name: 'Your name' }).fill('Rahul Sharma');
  await comment(r, 'Purpose of the WG', 'Say which stakeholder groups you mean.');
  // A selected passage becomes the comment's quote.
  const outputs = r.getByRole('region', { name: 'Expected Output(s)', exact: true });
  await outputs.locator('.review-text').evaluate((content) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent!.includes('recommendations paper')) node = walker.nextNode();
    const at = node!.textContent!.indexOf('recommendations paper');
    const range = document.createRange();
    range.setStart(node!, at);
    range.setEnd(node!, at + 'recommendations paper'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await outputs.getByRole('button', { name: 'Add comment' }).click();
  await expect(outputs.locator('.comment-form .comment-quote')).toHaveText('recommendations paper');
  await outputs.getByRole('textbox', { name: 'Comment' }).fill('Who writes it?');
  await outputs.getByRole('button', { name: 'Save comment' }).click();
  await comment(r, 'Newcomer Engagement — «naïve» <b>&</b> 日本語', 'A clear proposal overall.');

  // A reload keeps the review and its comments.
  await r.reload();
  await expect(r.getByText('Who writes it?')).toBeVisible();
  await expectNoViolations(r, 'review mode');

  await r.getByRole('button', { name: 'Send review' }).click();
  const send = r.getByRole('dialog', { name: 'Send your review' });
  const reviewLink = await send.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(reviewLink).toMatch(/#igf\.1\.r\./);
  // The review carries the comments and names the draft, but not the draft itself.
  const packed = Buffer.from(reviewLink.split('#igf.1.r.')[1], 'base64url');
  const review = inflateRawSync(packed.subarray(0, -4)).toString(); // deflate, then 4 bytes of SHA-256
  expect(review).toContain('Say which stakeholder groups you mean.');
  expect(review).not.toContain('workshop organisers');
  await expectNoViolations(r, 'send review dialog');
  await send.getByRole('button', { name: 'Close' }).click();
  await r.getByRole('button', { name: 'All drafts' }).click();
  expect(await storedDrafts(r)).toEqual(reviewer.before);
  await reviewer.context.close();

  // The author opens the review.
  await page.waitForTimeout(700);
  await page.goto(reviewLink);
  await expect(page.getByRole('alert').filter({ hasText: 'The review from Rahul Sharma is added to this draft: 3 new and 0 updated comments' })).toBeVisible();
  await expect(author.title).toHaveValue('Newcomer Engagement — «naïve» <b>&</b> 日本語');
  const field = (heading: string) => page.locator('.section-field').filter({ has: author.section(heading) });
  await expect(field('Purpose of the WG').locator('.comment')).toContainText('Rahul Sharma');
  await expect(field('Purpose of the WG').locator('.comment-text')).toHaveText('Say which stakeholder groups you mean.');
  await expect(field('Expected Output(s)').locator('.comment-quote')).toHaveText('recommendations paper');
  await expect(field('Expected Output(s)').locator('.comment-text')).toHaveText('Who writes it?');
  await expect(field('Timeframe for the work').locator('.comment')).toHaveCount(0);
  const reviews = page.getByRole('region', { name: 'Reviews' });
  await expect(reviews).toContainText('3 open of 3 comments, from Rahul Sharma');
  await expect(reviews.locator('.comment-text')).toHaveText('A clear proposal overall.');
  await expectNoViolations(page, 'editor with review comments');

  await field('Purpose of the WG').getByRole('button', { name: 'Resolve' }).click();
  await expect(reviews).toContainText('2 open of 3 comments');
  // Once the author edits, the review is of an earlier version, and the change is shown.
  await author.section('Expected Output(s)').fill('A short recommendations paper to the MAG, and a short guide for workshop organisers.');
  await expect(reviews).toContainText('Rahul Sharma reviewed an earlier version');
  await expect(reviews).toContainText('Changed since then: “Expected Output(s)”.');
  await reviews.getByRole('button', { name: 'Show what changed' }).click();
  await expect(reviews.locator('ins')).toHaveText(/^short\s*$/);
  await expect(field('Expected Output(s)').locator('.comment-meta')).toContainText('this part changed since');
});

test('a passphrase protects the link, and a wrong one changes nothing', async ({ page, browser }) => {
  await writeDraft(page);
  const link = await shareLink(page, 'blue teapot at noon');
  expect(link).not.toContain('teapot');
  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  await r.goto(link);
  await expect(r.getByRole('heading', { name: 'This shared draft is protected by a passphrase' })).toBeVisible();
  await r.getByLabel('Passphrase').fill('red teapot');
  await r.getByRole('button', { name: 'Open' }).click();
  await expect(r.getByRole('alert')).toHaveText(/^The passphrase is not the right one for this link.*Nothing was changed\.$/);
  await r.getByLabel('Passphrase').fill('blue teapot at noon');
  await r.getByRole('button', { name: 'Open' }).click();
  await expect(r.getByRole('heading', { name: "You are reviewing someone else's draft" })).toBeVisible();
  await r.getByRole('button', { name: 'All drafts' }).click();
  expect(await storedDrafts(r)).toEqual(reviewer.before);
  await reviewer.context.close();
});

test('mangled links give a clear error and change nothing', async ({ page, browser }) => {
  await writeDraft(page);
  const link = await shareLink(page);
  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  const cases: [string, RegExp][] = [
    [link.slice(0, Math.floor(link.length * 0.6)), /^The link is (incomplete|damaged)/],
    [link.replace('#igf.1.', '#igf.9.'), /^The link was made by a newer version of this editor/],
    [link.slice(0, -30) + 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', /^The link is (incomplete|damaged)/],
  ];
  for (const [mangled, message] of cases) {
    await r.goto(mangled);
    await expect(r.getByRole('alert')).toHaveText(message);
    await expect(r.getByRole('alert')).toContainText('Nothing was changed.');
    await expect(r.getByRole('list', { name: 'Drafts' })).toBeVisible();
    expect(await storedDrafts(r)).toEqual(reviewer.before);
  }
  // A link broken over lines by a mail program, then pasted whole: the breaks arrive encoded.
  const [address, fragment] = link.split('#');
  await r.goto(`${address}#${fragment.match(/.{1,76}/g)!.join('%0D%0A> ')}`);
  await expect(r.getByRole('heading', { name: "You are reviewing someone else's draft" })).toBeVisible();
  await reviewer.context.close();
});

test('files instead of links: the draft file opens for review, the review file comes back through Import', async ({ page, browser }, info) => {
  const author = await writeDraft(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this draft for review' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the draft file' }).click();
  const draftFile = await download;
  const draftPath = info.outputPath('draft.json');
  await draftFile.saveAs(draftPath);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  await r.locator('.import input[type=file]').setInputFiles({ name: draftFile.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(draftPath) });
  await r.getByRole('button', { name: 'Open for review' }).click();
  await expect(r.getByRole('heading', { name: "You are reviewing someone else's draft" })).toBeVisible();
  await r.getByRole('textbox', { name: 'Your name' }).fill('Amina');
  await comment(r, 'Timeframe for the work', 'Name the months.');
  await r.getByRole('button', { name: 'Send review' }).click();
  const reviewDownload = r.waitForEvent('download');
  await r.getByRole('dialog', { name: 'Send your review' }).getByRole('button', { name: 'Download the review file' }).click();
  const reviewFile = await reviewDownload;
  expect(reviewFile.suggestedFilename()).toMatch(/^Review-of-WG-proposal-newcomer-engagement-.*\.json$/);
  const reviewPath = info.outputPath('review.json');
  await reviewFile.saveAs(reviewPath);
  expect(readFileSync(reviewPath, 'utf8')).not.toContain('recommendations paper');
  await r.keyboard.press('Escape');
  await r.getByRole('button', { name: 'Save a copy' }).click();
  await expect(r.getByRole('status').filter({ hasText: 'is now among your drafts' })).toBeVisible();
  await r.getByRole('button', { name: 'All drafts' }).click();
  const after = await storedDrafts(r);
  for (const [key, value] of Object.entries(reviewer.before)) expect(after[key]).toBe(value);
  expect(Object.keys(after)).toHaveLength(Object.keys(reviewer.before).length + 1);
  await reviewer.context.close();

  await page.waitForTimeout(700);
  await author.backToDrafts();
  await page.locator('.import input[type=file]').setInputFiles({ name: reviewFile.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(reviewPath) });
  const timeframe = page.locator('.section-field').filter({ has: author.section('Timeframe for the work') });
  await expect(timeframe.locator('.comment-text')).toHaveText('Name the months.');
  await expect(timeframe.locator('.comment-meta')).toContainText('Amina');
});
