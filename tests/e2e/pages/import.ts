import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './editor';
import { ReviewPage } from './review';

/** A file as Playwright's file chooser takes it. */
export interface FileToImport {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The Import flow on the start screen: what it asks before it changes anything, and its errors. */
export class ImportFlow {
  constructor(readonly page: Page) {}

  /** "Open “title”": a draft this browser does not have (add it, or open it for review). */
  choice(title?: string): Locator {
    return this.page.getByRole('region', { name: title === undefined ? /^Open “/ : `Open “${title}”`, exact: title !== undefined });
  }

  /** A draft whose id is stored here already, in another version. */
  get conflict(): Locator {
    return this.page.getByRole('region', { name: 'This draft is already in your browser' });
  }

  /** A foreign file mapped onto a template, shown before it is saved. */
  foreign(fileName: string): Locator {
    return this.page.getByRole('region', { name: `Check where the parts of “${fileName}” go` });
  }

  /** Our own DOCX, edited in a word processor: keep the edits, or the copy as exported? */
  get edited(): Locator {
    return this.page.getByRole('region', { name: 'This file was edited after it was exported' });
  }

  async keepTheEdits() {
    await this.edited.getByRole('button', { name: 'Keep the edits' }).click();
  }

  async useTheCopyAsExported() {
    await this.edited.getByRole('button', { name: 'Use the copy as exported' }).click();
  }

  /** The template a foreign file is mapped onto, in its preview. */
  template(fileName: string): Locator {
    return this.foreign(fileName).getByRole('combobox', { name: 'Template' });
  }

  /** The sentence of a file that cannot be read. */
  get error(): Locator {
    return this.page.getByRole('alert');
  }

  async addToMyDrafts(): Promise<EditorPage> {
    await this.page.getByRole('button', { name: 'Add to my drafts' }).click();
    const editor = new EditorPage(this.page);
    await expect(editor.title).toBeVisible();
    return editor;
  }

  async openForReview(): Promise<ReviewPage> {
    await this.page.getByRole('button', { name: 'Open for review' }).click();
    const review = new ReviewPage(this.page);
    await expect(review.banner).toBeVisible();
    return review;
  }

  async keepBoth(): Promise<EditorPage> {
    await this.page.getByRole('button', { name: 'Keep both' }).click();
    return new EditorPage(this.page);
  }

  async importAsNewDraft(): Promise<EditorPage> {
    await this.page.getByRole('button', { name: 'Import as a new draft' }).click();
    const editor = new EditorPage(this.page);
    await expect(editor.title).toBeVisible();
    return editor;
  }

  /** Cancels the prompt shown (`within` one of the regions above). */
  async cancel(within: Locator) {
    await within.getByRole('button', { name: 'Cancel' }).click();
  }
}
