import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The page view: the "Pages" toggle, the "Pages" region beside the editor (a sheet over it on a
 * narrow screen), and in it each page, a group whose name says what it shows ("Page 2 of 3:
 * Objectives/Goals of the BPF, lines 1-18; …"). The drawing itself is an image hidden from the
 * accessibility tree; its lines are read from the SVG (`g[data-line]`), as a sighted reader sees
 * them.
 */
export class PagesView {
  constructor(readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByRole('button', { name: 'Pages', exact: true });
  }

  /** "Checks", shown on a narrow screen beside "Pages". */
  get checksButton(): Locator {
    return this.page.getByRole('button', { name: 'Checks', exact: true });
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Pages' });
  }

  /** Every page, in order. */
  get sheets(): Locator {
    return this.region.getByRole('group', { name: /^Page \d+ of \d+/ });
  }

  /** Page `n` (from 1). */
  sheet(n: number): Locator {
    return this.region.getByRole('group', { name: new RegExp(`^Page ${n} of \\d+`) });
  }

  get print(): Locator {
    return this.region.getByRole('button', { name: 'Print' });
  }

  /** What the keyboard's line cursor is on, as a screen reader hears it. */
  get announcement(): Locator {
    return this.region.locator('[aria-live="polite"]');
  }

  /** Opens the pages (if they are not open yet) and waits for their text in the embedded fonts. */
  async open() {
    if ((await this.toggle.getAttribute('aria-pressed')) !== 'true') await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(this.region).toBeVisible();
    await this.waitForText();
  }

  /** Waits until every line is drawn as text (the fonts have loaded), not as a bar. */
  async waitForText() {
    await expect(this.region.locator('svg g[data-line] text').first()).toBeAttached();
    await expect(this.region.locator('svg .bar')).toHaveCount(0);
  }

  /** Each page's accessible name, in order. */
  async names(): Promise<string[]> {
    return this.sheets.evaluateAll((groups) =>
      groups.map((g) => (g.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()),
    );
  }

  /** What each line of page `n` shows, with every space left out (as a PDF's text is compared). */
  async lines(n: number): Promise<string[]> {
    return this.sheet(n).locator('g[data-line]').evaluateAll((lines) =>
      lines.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent ?? '').join('').replace(/\s+/g, '')),
    );
  }

  /** The lines of every page. */
  async allLines(): Promise<string[][]> {
    const count = await this.sheets.count();
    const out: string[][] = [];
    for (let n = 1; n <= count; n++) out.push(await this.lines(n));
    return out;
  }

  /** The not-ready line in page `n`'s top margin, or null. */
  async notice(n: number): Promise<string | null> {
    const notice = this.sheet(n).locator('text.notice');
    return (await notice.count()) ? notice.textContent() : null;
  }

  /** Line `line` of page `n`, as drawn. */
  line(n: number, line: number): Locator {
    return this.sheet(n).locator(`g[data-line="${line}"]`);
  }

  /** The first line of page `n` whose text (spaces left out) starts with `start`, from 1. */
  async lineStarting(n: number, start: string): Promise<number> {
    const squashed = start.replace(/\s+/g, '');
    const index = (await this.lines(n)).findIndex((l) => l.startsWith(squashed));
    if (index < 0) throw new Error(`no line of page ${n} starts with “${start}”`);
    return index + 1;
  }

  /** The mark of the line the caret is on, on page `n`. */
  follow(n: number): Locator {
    return this.sheet(n).locator('rect.follow');
  }
}
