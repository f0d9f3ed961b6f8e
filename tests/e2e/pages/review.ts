import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryPage } from './library';

/** Review mode: someone else's draft, read-only, with comments per section. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByRole('heading', { name: "You are reviewing someone else's draft" });
  }

  get reviewerName(): Locator {
    return this.page.getByRole('textbox', { name: 'Your name' });
  }

  /** A part of the draft (the title's part is named by the title), with its comments. */
  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  /** The text of a part, as it reads (selectable, to quote). */
  sectionText(heading: string): Locator {
    return this.section(heading).locator('.review-text');
  }

  get checks(): Locator {
    return this.page.getByRole('region', { name: 'Checks' });
  }

  get pageCount(): Locator {
    return this.checks.getByText(/^\d\.\d of 3 pages$/);
  }

  /** Opens the comment form of a part; the quote is whatever is selected in it. */
  async startComment(heading: string): Promise<Locator> {
    const section = this.section(heading);
    await section.getByRole('button', { name: 'Add comment' }).click();
    const field = section.getByRole('textbox', { name: 'Comment' });
    await expect(field).toBeFocused();
    return field;
  }

  /** Writes and saves a comment on a part. */
  async comment(heading: string, text: string) {
    const field = await this.startComment(heading);
    await field.fill(text);
    await this.section(heading).getByRole('button', { name: 'Save comment' }).click();
    await expect(this.section(heading).getByText(text)).toBeVisible();
  }

  /** Opens "Send review" and returns its dialog. */
  async send(): Promise<SendReviewDialog> {
    await this.page.getByRole('button', { name: 'Send review' }).click();
    const dialog = new SendReviewDialog(this.page);
    await expect(dialog.dialog).toBeVisible();
    return dialog;
  }

  async saveCopy() {
    await this.page.getByRole('button', { name: 'Save a copy' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'is now among your drafts' })).toBeVisible();
  }

  async allDrafts(): Promise<LibraryPage> {
    await this.page.getByRole('button', { name: 'All drafts' }).click();
    const library = new LibraryPage(this.page);
    await expect(library.newButton('New BPF proposal')).toBeVisible();
    return library;
  }
}

/** "Send your review": the review's link, and its file. */
export class SendReviewDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Send your review' });
  }

  get link(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Link' });
  }

  async linkValue(): Promise<string> {
    await expect(this.link).toHaveValue(/#igf\.1\.r\./);
    return this.link.inputValue();
  }

  async downloadReviewFile() {
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Download the review file' }).click();
    return download;
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** A protected link, waiting for its passphrase. */
export class UnlockPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'This shared draft is protected by a passphrase' });
  }

  get message(): Locator {
    return this.page.getByRole('alert');
  }

  async unlock(passphrase: string) {
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Open' }).click();
  }
}
