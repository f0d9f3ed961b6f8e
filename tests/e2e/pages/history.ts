import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's History panel: snapshots to preview, compare with now, and restore. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByRole('button', { name: 'History' });
  }

  async open() {
    await this.toggle.click();
    await expect(this.page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
  }

  get snapshots(): Locator {
    return this.page.getByRole('list', { name: 'Snapshots' });
  }

  get notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /snapshot|is back/ });
  }

  async saveSnapshot() {
    await this.page.getByRole('button', { name: 'Save a snapshot now' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'A snapshot of the current text was saved.' })).toBeVisible();
  }

  /** The n-th snapshot's button (0 = newest): "Preview", "Compare with now" or "Restore". */
  action(name: 'Preview' | 'Compare with now' | 'Restore', n = 0): Locator {
    return this.snapshots.getByRole('button', { name }).nth(n);
  }

  /** The comparison of a snapshot with the current text. */
  get changes(): Locator {
    return this.page.getByRole('region', { name: /^Changes since/ });
  }

  /** A snapshot shown read-only. */
  get preview(): Locator {
    return this.page.getByRole('article', { name: /read-only$/ });
  }
}
