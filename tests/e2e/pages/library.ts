import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPage, type StartButton } from './editor';
import { ImportFlow, type FileToImport } from './import';

/** The start screen: the New buttons, settings, and the library ("Drafts" list, trash, backups). */
export class LibraryPage {
  constructor(readonly page: Page) {}

  /** Opens the app at its start screen. */
  async goto() {
    await this.page.goto('./');
    await expect(this.newButton('New BPF proposal')).toBeVisible();
  }

  newButton(kind: StartButton): Locator {
    return this.page.getByRole('button', { name: kind, exact: true });
  }

  /** Creates a draft of this kind and returns its editor. */
  async create(kind: StartButton): Promise<EditorPage> {
    await this.newButton(kind).click();
    const editor = new EditorPage(this.page);
    await expect(editor.title).toBeVisible();
    return editor;
  }

  get drafts(): Locator {
    return this.page.getByRole('list', { name: 'Drafts' });
  }

  /** The button that opens a draft, by its exact title. */
  openButton(title: string): Locator {
    return this.drafts.getByRole('button', { name: title, exact: true });
  }

  /** The row of a draft in the list, by its exact title. */
  item(title: string): Locator {
    return this.drafts.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  /** Opens a draft from the list and returns its editor. */
  async open(title: string): Promise<EditorPage> {
    await this.openButton(title).click();
    const editor = new EditorPage(this.page);
    await expect(editor.title).toHaveValue(title);
    return editor;
  }

  /** The titles in the list, top to bottom (each row's first button opens the draft). */
  async titles(): Promise<string[]> {
    const rows = await this.drafts.getByRole('listitem').all();
    return Promise.all(rows.map(async (row) => (await row.getByRole('button').first().innerText()).trim()));
  }

  /** The library's notices ("… is now called …", "Restored from the backup: …"). */
  get notice(): Locator {
    return this.page.getByRole('status');
  }

  /** The Undo of a deletion. */
  get undo(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort by' });
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter drafts' });
  }

  get trash(): Locator {
    return this.page.getByRole('list', { name: 'Deleted drafts' });
  }

  async openTrash(count: number) {
    await this.page.getByText(`Trash (${count})`).click();
  }

  get settings(): Locator {
    return this.page.getByText('Settings', { exact: true });
  }

  /** The region that lists stored values this version cannot open. */
  get unreadable(): Locator {
    return this.page.getByRole('region', { name: 'Saved data that cannot be opened' });
  }

  /** Downloads the backup of every draft; returns the download. */
  async backUp() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back up all drafts' }).click();
    return download;
  }

  /** Restores a backup file through "Restore from backup". */
  async restore(path: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore from backup' }).click();
    await (await chooser).setFiles(path);
  }

  /** Opens a file through the Import button, as an author does; returns the import's prompts. */
  async import(file: FileToImport | string): Promise<ImportFlow> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(file);
    return new ImportFlow(this.page);
  }
}
