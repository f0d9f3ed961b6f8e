import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { ReviewPage, UnlockPage } from '../pages/review';
import { shareLink } from '../pages/share';
import { reviewerWithOwnDraft, writeDraft } from '../support/people';
import { storedDrafts } from '../support/storage';
import { expect, test, type Page } from '../support/test';

async function expectNoViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const TITLE = 'Newcomer Engagement — «naïve» <b>&</b> 日本語';

test('the author shares, a reviewer comments and sends, the author sees each comment at its section', async ({ page, browser }) => {
  const author = await writeDraft(page);
  const link = await shareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dist\/#igf\.1\.d\.[A-Za-z0-9_-]+$/);

  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  await r.goto(link);
  const review = new ReviewPage(r);
  await expect(review.banner).toBeVisible();
  expect(new URL(r.url()).hash).toBe('');
  await expect(r.getByText(TITLE).first()).toBeVisible();
  await expect(review.pageCount).toBeVisible();
  const purpose = review.section('Purpose of the WG');
  await expect(purpose.locator('strong')).toHaveText('newcomers');
  await expect(purpose.getByText('<script>alert(1)</script>')).toBeVisible();
  await expect(r.getByRole('textbox', { name: 'Purpose of the WG' })).toHaveCount(0);

  await review.reviewerName.fill('Rahul Sharma');
  await review.comment('Purpose of the WG', 'Say which stakeholder groups you mean.');
  // A selected passage becomes the comment's quote.
  const outputs = review.section('Expected Output(s)');
  await review.sectionText('Expected Output(s)').evaluate((content) => {
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
  await review.comment(TITLE, 'A clear proposal overall.');

  // A reload keeps the review and its comments.
  await r.reload();
  await expect(r.getByText('Who writes it?')).toBeVisible();
  await expectNoViolations(r, 'review mode');

  const send = await review.send();
  const reviewLink = await send.link.inputValue();
  expect(reviewLink).toMatch(/#igf\.1\.r\./);
  // The review carries the comments and names the draft, but not the draft itself.
  const packed = Buffer.from(reviewLink.split('#igf.1.r.')[1], 'base64url');
  const content = inflateRawSync(packed.subarray(0, -4)).toString(); // deflate, then 4 bytes of SHA-256
  expect(content).toContain('Say which stakeholder groups you mean.');
  expect(content).not.toContain('workshop organisers');
  await expectNoViolations(r, 'send review dialog');
  await send.close();
  await review.allDrafts();
  expect(await storedDrafts(r)).toEqual(reviewer.before);
  await reviewer.context.close();

  // The author opens the review, once the draft as shown is stored.
  await author.waitUntilSaved();
  await page.goto(reviewLink);
  await expect(page.getByRole('alert').filter({ hasText: 'The review from Rahul Sharma is added to this draft: 3 new and 0 updated comments' })).toBeVisible();
  await expect(author.title).toHaveValue(TITLE);
  await expect(author.comments('Purpose of the WG')).toContainText('Rahul Sharma');
  await expect(author.commentText('Purpose of the WG')).toHaveText('Say which stakeholder groups you mean.');
  await expect(author.commentQuote('Expected Output(s)')).toHaveText('recommendations paper');
  await expect(author.commentText('Expected Output(s)')).toHaveText('Who writes it?');
  await expect(author.comments('Timeframe for the work')).toHaveCount(0);
  const reviews = author.reviews;
  await expect(reviews).toContainText('3 open of 3 comments, from Rahul Sharma');
  await expect(reviews.locator('.comment-text')).toHaveText('A clear proposal overall.');
  await expectNoViolations(page, 'editor with review comments');

  await author.sectionField('Purpose of the WG').getByRole('button', { name: 'Resolve' }).click();
  await expect(reviews).toContainText('2 open of 3 comments');
  // Once the author edits, the review is of an earlier version, and the change is shown.
  await author.section('Expected Output(s)').fill('A short recommendations paper to the MAG, and a short guide for workshop organisers.');
  await expect(reviews).toContainText('Rahul Sharma reviewed an earlier version');
  await expect(reviews).toContainText('Changed since then: “Expected Output(s)”.');
  await reviews.getByRole('button', { name: 'Show what changed' }).click();
  await expect(reviews.locator('ins')).toHaveText(/^short\s*$/);
  await expect(author.commentMeta('Expected Output(s)')).toContainText('this part changed since');
});

test('a passphrase protects the link, and a wrong one changes nothing', async ({ page, browser }) => {
  await writeDraft(page);
  const link = await shareLink(page, 'blue teapot at noon');
  expect(link).not.toContain('teapot');
  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  await r.goto(link);
  const locked = new UnlockPage(r);
  await expect(locked.heading).toBeVisible();
  await locked.unlock('red teapot');
  await expect(locked.message).toHaveText(/^The passphrase is not the right one for this link.*Nothing was changed\.$/);
  await locked.unlock('blue teapot at noon');
  const review = new ReviewPage(r);
  await expect(review.banner).toBeVisible();
  await review.allDrafts();
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
    await expect(reviewer.library.drafts).toBeVisible();
    expect(await storedDrafts(r)).toEqual(reviewer.before);
  }
  // A link broken over lines by a mail program, then pasted whole: the breaks arrive encoded.
  const [address, fragment] = link.split('#');
  await r.goto(`${address}#${fragment.match(/.{1,76}/g)!.join('%0D%0A> ')}`);
  await expect(new ReviewPage(r).banner).toBeVisible();
  await reviewer.context.close();
});

test('files instead of links: the draft file opens for review, the review file comes back through Import', async ({ page, browser }, info) => {
  const author = await writeDraft(page);
  const share = await author.share();
  const draftFile = await share.downloadDraftFile();
  const draftPath = info.outputPath('draft.json');
  await draftFile.saveAs(draftPath);
  await share.close();

  const reviewer = await reviewerWithOwnDraft(browser);
  const r = reviewer.page;
  const flow = await reviewer.library.import({ name: draftFile.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(draftPath) });
  const review = await flow.openForReview();
  await review.reviewerName.fill('Amina');
  await review.comment('Timeframe for the work', 'Name the months.');
  const send = await review.send();
  const reviewFile = await send.downloadReviewFile();
  expect(reviewFile.suggestedFilename()).toMatch(/^Review-of-WG-proposal-newcomer-engagement-.*\.json$/);
  const reviewPath = info.outputPath('review.json');
  await reviewFile.saveAs(reviewPath);
  expect(readFileSync(reviewPath, 'utf8')).not.toContain('recommendations paper');
  await r.keyboard.press('Escape');
  await review.saveCopy();
  await review.allDrafts();
  const after = await storedDrafts(r);
  for (const [key, value] of Object.entries(reviewer.before)) expect(after[key]).toBe(value);
  expect(Object.keys(after)).toHaveLength(Object.keys(reviewer.before).length + 1);
  await reviewer.context.close();

  await author.waitUntilSaved();
  const library = await author.backToDrafts();
  await library.import({ name: reviewFile.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(reviewPath) });
  await expect(author.commentText('Timeframe for the work')).toHaveText('Name the months.');
  await expect(author.commentMeta('Timeframe for the work')).toContainText('Amina');
});

