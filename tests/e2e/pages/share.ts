import { expect, type Locator, type Page } from '@playwright/test';

/** The Share dialog of the editor: the link that carries the draft, and files as the fallback. */
export class ShareDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Share this draft for review' });
  }

  async open() {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  get passphrase(): Locator {
    return this.dialog.getByLabel('Passphrase (optional)');
  }

  get link(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Link' });
  }

  /** The link's length and where it fits, e.g. "1,234 characters: fits in a chat message …". */
  get reach(): Locator {
    return this.dialog.getByText(/^[\d,]+ characters: /);
  }

  /** The link once it is ready (sealed when a passphrase is given). */
  async linkValue(sealed = false): Promise<string> {
    await expect(this.link).toHaveValue(sealed ? /#igf\.1\.de\./ : /#igf\.1\.d\./);
    return this.link.inputValue();
  }

  async downloadDraftFile() {
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Download the draft file' }).click();
    return download;
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** Opens the Share dialog of the draft in the editor and returns the link it shows. */
export async function shareLink(page: Page, passphrase = ''): Promise<string> {
  const share = new ShareDialog(page);
  await share.open();
  if (passphrase) await share.passphrase.fill(passphrase);
  const value = await share.linkValue(passphrase !== '');
  await expect(share.dialog.getByText(/^[\d,]+ characters: fits in a chat message/)).toBeVisible();
  await share.close();
  return value;
}
