import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { EditorPage, HEADINGS, type StartButton } from '../pages/editor';
import { PagesView } from '../pages/pages';
import { pdfLines, squash } from '../support/pdf';
import { allowErrors, expect, test, type Page } from '../support/test';

// The page view (#20): the pages drawn beside the editor are the PDF's pages, line for line,
// with the same section labels; it follows the author, leads back to the text, is read by
// keyboard and screen reader, fits a narrow screen, and prints exactly these pages.

interface Sample {
  name: string;
  kind: StartButton;
  title: string;
  sections: Record<string, string>;
  people: [string, string, boolean][];
}

/** Sample 1 of sample-proposals.md: a new BPF. */
const SAMPLE_1: Sample = {
  name: 'Sample 1, a new BPF',
  kind: 'New BPF proposal',
  title: 'Best Practice Forum on Multilingual Content and Universal Acceptance',
  sections: {
    'Proposed Theme/Issue for the BPF':
      'Most of the next billion Internet users will read and write in languages other than English, yet many websites, email systems and forms still reject addresses and domain names in local scripts. This BPF would gather what registries, software makers, governments and communities already do to make content and identifiers work in every script ("Universal Acceptance"), and what holds them back.',
    'Objectives/Goals of the BPF':
      '- Collect case studies of Universal Acceptance readiness from at least five regions.\n- Identify common obstacles: legacy validation code, missing fonts, input methods, policies.\n- Describe practices that helped local-language content grow, from public procurement rules to\n  community translation projects.\n- Offer a short checklist that organisations can apply to their own systems.',
    'Expected Output(s)':
      'A report of about 30 pages with case studies and a one-page checklist, published before the annual meeting and kept as a living document that can be updated in later years.',
    'Outreach and Dissemination Plan/Strategy':
      'An open call for input on the IGF mailing lists and through national and regional IGF initiatives; two webinars in different time zones; a session at the annual meeting; and, after publication, presentations at regional registry and developer meetings, with the checklist translated into the six UN languages.',
    'Timeframe for the work (1-year or multi-year forecast)':
      'One year: call for input in April and May, case-study interviews in June to August, drafting in September, public comment in October, final report at the annual meeting.',
  },
  people: [
    ['Amina Diallo', 'Government', true],
    ['Rahul Mehta', 'Technical Community', true],
    ['Elena Petrova', 'Civil Society', true],
    ['Jorge Ramírez', 'Private Sector', false],
  ],
};

/** Sample 2 of sample-proposals.md: a new MAG Working Group. */
const SAMPLE_2: Sample = {
  name: 'Sample 2, a new WG',
  kind: 'New WG proposal',
  title: 'MAG Working Group on Youth Engagement',
  sections: {
    'Purpose of the WG':
      "To help the MAG bring young people into the IGF's programme and intersessional work, not only as audience but as organisers and speakers.",
    'Objectives/Goals of the WG':
      '1. Review how youth participated in the last three annual meetings.\n2. Propose concrete measures for the workshop selection process and for main sessions.\n3. Work with the Youth Coalition on Internet Governance and youth IGF initiatives.',
    'Expected Output(s)':
      'A recommendations paper to the MAG ahead of its second face-to-face meeting, and a short guide for workshop organisers on involving young speakers.',
    'Implementation Plan (if appropriate)':
      'Monthly calls open to all MAG members; a survey of youth initiatives in May; a draft paper shared with the full MAG in June for feedback before it is finalised.',
    'Timeframe for the work': 'One IGF cycle: February to December, reporting at every MAG meeting.',
  },
  people: [
    ['Sara Lindqvist', 'Government', true],
    ['Tunde Bello', 'Civil Society', true],
  ],
};

const PARAGRAPH =
  'Most of the next billion Internet users will read and write in languages other than English, yet many websites and forms still reject addresses in local scripts. ';

/** A draft too long for the template: it runs onto a fourth page. */
const FOUR_PAGES: Sample = {
  name: 'a draft that runs to page 4',
  kind: 'New BPF proposal',
  title: 'A proposal too long for its template',
  sections: {
    'Proposed Theme/Issue for the BPF': Array.from({ length: 9 }, () => PARAGRAPH.repeat(3).trim()).join('\n\n'),
    'Objectives/Goals of the BPF': Array.from({ length: 14 }, (_, n) => `- Objective ${n + 1}: collect case studies of readiness from the regions, with **figures** and *names*.`).join('\n'),
    'Expected Output(s)': Array.from({ length: 5 }, () => PARAGRAPH.repeat(2).trim()).join('\n\n') + '\n\n| phase | months |\n|---|---|\n| Call | April to May |\n| Report | December |',
    'Outreach and Dissemination Plan/Strategy': Array.from({ length: 6 }, () => PARAGRAPH.repeat(2).trim()).join('\n\n'),
    'Timeframe for the work (1-year or multi-year forecast)': 'One year, from April to December.',
  },
  people: [['Amina Diallo', 'Government', true]],
};

async function write(page: Page, sample: Sample): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create(sample.kind);
  await editor.title.fill(sample.title);
  for (const [heading, text] of Object.entries(sample.sections)) await editor.section(heading).fill(text);
  for (const [name, group, mag] of sample.people) await editor.addPerson(name, group, mag);
  return editor;
}

/** Exports the PDF through the Export menu, as the author does; returns its path. */
async function exportPdf(page: Page, path: string): Promise<string> {
  const download = await new EditorPage(page).export('PDF (.pdf)');
  await download.saveAs(path);
  await page.keyboard.press('Escape');
  return path;
}

const NOTICE = squash('Draft: not ready to submit');

/**
 * What each page's name must say of the parts on it, worked out from the PDF's own lines: the
 * title and details before the first heading, each section from its heading on, the
 * co-facilitator table's own heading, the manifest line at the end.
 */
function expectedNames(pages: string[][], headings: string[]): string[] {
  const starts = [...headings, 'Proposed co-facilitators'].map((label) => ({ label, text: squash(label) }));
  let part = 'Title and details';
  return pages.map((lines, index) => {
    const extents: { label: string; first: number; last: number }[] = [];
    lines.forEach((line, i) => {
      const rest = lines.slice(i).join('');
      const heading = starts.find((h) => rest.startsWith(h.text));
      if (heading) part = heading.label;
      if (line.startsWith('Template') && rest.includes('SHA-256')) part = 'Template and version';
      const last = extents[extents.length - 1];
      if (last && last.label === part) last.last = i + 1;
      else extents.push({ label: part, first: i + 1, last: i + 1 });
    });
    const over = index + 1 > 3 ? ', over the 3-page limit' : '';
    const parts = extents.map((e) => `${e.label}, ${e.first === e.last ? `line ${e.first}` : `lines ${e.first}-${e.last}`}`);
    return `Page ${index + 1} of ${pages.length}${over}: ${parts.join('; ')}; `;
  });
}

for (const sample of [SAMPLE_1, SAMPLE_2, FOUR_PAGES]) {
  test(`the pages drawn are the PDF's pages, line for line, with the same section labels: ${sample.name}`, async ({ page }, info) => {
    const editor = await write(page, sample);
    await editor.waitUntilSaved();
    const pages = new PagesView(page);
    await pages.open();
    const pdf = pdfLines(await exportPdf(page, info.outputPath('proposal.pdf')));
    // The not-ready line is in the top margin of every page of the PDF and of the view alike.
    const notices = pdf.map((lines) => (lines[0]?.startsWith(NOTICE) ? lines.shift()! : null));
    const body = pdf;
    // The digest in the last line follows the text once typing pauses: wait for the same lines.
    await expect.poll(() => pages.allLines(), { message: 'the lines of every page' }).toEqual(body);
    await expect(pages.sheets).toHaveCount(pdf.length);
    for (const [n, notice] of notices.entries()) {
      expect(await pages.notice(n + 1).then((t) => (t === null ? null : squash(t)))).toBe(notice);
    }
    const names = await pages.names();
    const expected = expectedNames(body, HEADINGS[sample.kind]);
    for (const [n, name] of names.entries()) {
      expect(name.startsWith(expected[n]), `page ${n + 1} is named “${name}”, expected it to begin “${expected[n]}”`).toBe(true);
      expect(name).toMatch(/; (no lines|1 line|\d+ lines) left$/);
    }
    if (sample === FOUR_PAGES) {
      expect(pdf.length).toBe(4);
      // However little is on page 4, the count never reads as the limit it is past.
      await expect(pages.toggle).toContainText(/(3\.[1-9]|[4-9]\.\d) of 3 pages$/);
      // Page 3's bottom edge is the limit; page 4 is over it, by a pattern and in words.
      await expect(pages.sheet(3).locator('.limit-edge')).toHaveCount(1);
      await expect(pages.sheet(3).locator('text.limit-label')).toHaveText('End of page 3: the limit');
      await expect(pages.sheet(4).locator('rect.over')).toHaveCount(1);
      await expect(pages.sheet(4).locator('text.over-label')).toHaveText('Over the 3-page limit');
      await expect(pages.sheet(4)).toHaveAccessibleName(/^Page 4 of 4, over the 3-page limit: /);
      // Tall enough for the side to show every page without scrolling.
      await page.setViewportSize({ width: 1280, height: 3200 });
      for (const n of [3, 4]) await pages.sheet(n).screenshot({ path: info.outputPath(`page-${n}-of-4.png`) });
    }
  });
}

test('the Pages toggle is remembered across reloads', async ({ page }) => {
  await write(page, SAMPLE_2);
  const pages = new PagesView(page);
  await expect(pages.toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(pages.region).toHaveCount(0);
  await pages.open();
  await page.reload();
  await expect(pages.toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(pages.region).toBeVisible();
  await expect(pages.sheets).not.toHaveCount(0);
  await pages.toggle.click();
  await expect(pages.region).toHaveCount(0);
  await expect(new EditorPage(page).checks).toBeVisible();
  await page.reload();
  await expect(pages.toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(pages.region).toHaveCount(0);
});

/** Where a text area's caret is, in UTF-16 units as the field counts. */
async function caret(field: ReturnType<EditorPage['section']>): Promise<number> {
  return field.evaluate((area) => (area as HTMLTextAreaElement).selectionStart);
}

test('a click on a line puts the caret in its section at the paragraph it was written in', async ({ page }) => {
  const editor = await write(page, SAMPLE_1);
  const pages = new PagesView(page);
  await pages.open();
  const objectives = editor.section('Objectives/Goals of the BPF');
  const text = SAMPLE_1.sections['Objectives/Goals of the BPF'];
  const line = await pages.lineStarting(1, '• Identify common obstacles');
  await pages.line(1, line).click();
  await expect(objectives).toBeFocused();
  expect(await caret(objectives)).toBe(text.indexOf('Identify common obstacles'));
  // The title leads to the title field.
  await pages.line(1, 1).click();
  await expect(editor.title).toBeFocused();
});

test('from the keyboard a page is read line by line, Enter edits the line, and the cursor goes on to the next page', async ({ page }) => {
  const editor = await write(page, SAMPLE_1);
  const pages = new PagesView(page);
  await pages.open();
  const target = await pages.lineStarting(1, '• Describe practices');
  await pages.sheet(1).focus();
  await expect(pages.sheet(1)).toBeFocused();
  for (let n = 0; n < target; n++) await page.keyboard.press('ArrowDown');
  await expect(pages.announcement).toHaveText(/^Line \d+ of \d+ \(Objectives\/Goals of the BPF\): • Describe practices that helped/);
  await expect(pages.sheet(1).locator('rect.line-cursor')).toBeVisible();
  await page.keyboard.press('Enter');
  const objectives = editor.section('Objectives/Goals of the BPF');
  await expect(objectives).toBeFocused();
  expect(await caret(objectives)).toBe(SAMPLE_1.sections['Objectives/Goals of the BPF'].indexOf('Describe practices'));
  // The typed key lands in the field: focus moved in the same task as Enter.
  await page.keyboard.type('X');
  await expect(objectives).toHaveValue(/- XDescribe practices/);

  // Past the last line of a page, the cursor and the focus go on to the next one.
  await page.keyboard.press('Control+z');
  if ((await pages.sheets.count()) > 1) {
    await pages.sheet(1).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await expect(pages.sheet(2)).toBeFocused();
    await expect(pages.announcement).toHaveText(/^Line 1 of \d+ \(/);
  }
});

test('the section being edited is highlighted on the pages, and its line kept in view as the author types', async ({ page }) => {
  const editor = await write(page, FOUR_PAGES);
  const pages = new PagesView(page);
  await pages.open();
  const outreach = editor.section('Outreach and Dissemination Plan/Strategy');
  await outreach.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' More.');
  const sheet = pages.sheets.filter({ has: page.locator('rect.follow:not([display])') });
  await expect(sheet).toHaveCount(1);
  await expect(sheet.locator('rect.follow')).toBeInViewport();
  await expect(sheet.locator('rect.extent-band.active')).not.toHaveCount(0);
  await expect(sheet).toHaveAccessibleName(/Outreach and Dissemination Plan\/Strategy, lines \d+-\d+/);
});

test('until the fonts arrive each line is a bar as wide as its text; then it is text in the embedded fonts', async ({ browser }) => {
  // Without the service worker, so that the fonts come over the network held back here.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const editor = await write(page, SAMPLE_2);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/fonts/*.ttf', async (route) => {
    await released;
    await route.continue();
  });
  const pages = new PagesView(page);
  await pages.toggle.click();
  await expect(pages.region.locator('svg .bar').first()).toBeAttached();
  await expect(pages.region.getByRole('status')).toHaveText(/^Loading the fonts for the pages: \d+ of \d+ KB…$/);
  const bars = await pages.region.locator('svg g[data-line]').first().locator('.bar').evaluateAll((r) => r.map((e) => e.getAttribute('width')));
  release();
  await pages.waitForText();
  const texts = await pages.region.locator('svg g[data-line]').first().locator('text').evaluateAll((t) => t.map((e) => e.getAttribute('textLength')));
  expect(texts).toEqual(bars);
  await expect(editor.title).toBeVisible();
  await context.close();
});

test('when the fonts cannot be loaded, the lines stay bars and the author is told why', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await write(page, SAMPLE_2);
  allowErrors(/Failed to load resource/);
  await context.route('**/fonts/*.ttf', (route) => route.abort('internetdisconnected'));
  const pages = new PagesView(page);
  await pages.toggle.click();
  await expect(pages.region.getByRole('status')).toHaveText(
    /^The fonts could not be loaded \(the file fonts\/[^ ]+\.ttf could not be loaded \(check the connection\)\), so each line is drawn as a bar as wide as its text\. Connect to the Internet once and open the pages again\.$/,
  );
  await expect(pages.region.locator('svg .bar').first()).toBeAttached();
  await expect(pages.region.locator('svg g[data-line] text')).toHaveCount(0);
  await expect(pages.sheets).not.toHaveCount(0);
  await context.close();
});

async function expectNoViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the pages open, wide and narrow, ${colorScheme} scheme`, async ({ browser }, info) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await write(page, FOUR_PAGES);
    const pages = new PagesView(page);
    await pages.open();
    await new EditorPage(page).section('Expected Output(s)').focus();
    await expectNoViolations(page, 'wide');
    await page.screenshot({ path: info.outputPath(`pages-wide-${colorScheme}.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await pages.toggle.click();
    await pages.toggle.click();
    await expect(pages.region).toBeVisible();
    await expectNoViolations(page, 'narrow');
    await page.screenshot({ path: info.outputPath(`pages-narrow-${colorScheme}.png`) });
    await context.close();
  });
}

test('on a narrow screen the bar is one line, the checks and the pages are one tap away with their counts, and the pages are a sheet over the text', async ({ browser }, info) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const editor = await write(page, SAMPLE_1);
  const pages = new PagesView(page);
  // One line: every control of the bar sits on the same row.
  const bar = page.getByRole('banner');
  const rows = await bar.evaluate((header) => [...header.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect()).map((r) => Math.round(r.top + r.height / 2)));
  expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(4);
  expect((await bar.boundingBox())!.height).toBeLessThan(80);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  // History is beside the text: it opens over it.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'History' }).click();
  await pages.checksButton.click();
  await page.getByRole('button', { name: 'Menu' }).click();
  // Checks and Pages at hand, with their counts, and the checks no longer under the sections.
  await expect(pages.checksButton).toBeInViewport();
  await expect(pages.checksButton).toContainText(/(\d+ to fix|Ready)$/);
  await expect(pages.toggle).toBeInViewport();
  await expect(pages.toggle).toContainText(/\d\.\d of 3 pages$/);
  await expect(editor.checks).toBeHidden();
  await pages.checksButton.click();
  await expect(editor.checks).toBeVisible();
  await expect(editor.title).toBeHidden();
  await pages.checksButton.click();
  await expect(editor.title).toBeVisible();
  // The pages cover the text; a line leads back to it.
  await pages.open();
  await expect(editor.title).toBeHidden();
  await page.screenshot({ path: info.outputPath('narrow-sheet.png') });
  const line = await pages.lineStarting(1, '• Offer a short checklist');
  await pages.line(1, line).click();
  const objectives = editor.section('Objectives/Goals of the BPF');
  await expect(objectives).toBeFocused();
  await expect(pages.region).toBeHidden();
  expect(await caret(objectives)).toBe(SAMPLE_1.sections['Objectives/Goals of the BPF'].indexOf('Offer a short checklist'));
  // Pages again shows the same pages.
  await pages.toggle.click();
  await expect(pages.region).toBeVisible();
  await context.close();
});

test('Print opens the PDF of exactly these pages in a new tab', async ({ page }, info) => {
  // The file the tab shows, read back as the page made it (the page's policy forbids fetching).
  await page.addInitScript(() => {
    const made = new Map<string, Blob>();
    (window as unknown as { madeBlobs: Map<string, Blob> }).madeBlobs = made;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob);
      made.set(url, blob);
      return url;
    };
  });
  await write(page, SAMPLE_1);
  const pages = new PagesView(page);
  await pages.open();
  const shown = await pages.allLines();
  const popup = page.waitForEvent('popup');
  await pages.print.click();
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  await expect(pages.region.getByRole('status')).toHaveText('The PDF of these pages is open in a new tab: print it from there.');
  const bytes = await page.evaluate(async (url) => {
    const blob = (window as unknown as { madeBlobs: Map<string, Blob> }).madeBlobs.get(url)!;
    return { type: blob.type, data: Array.from(new Uint8Array(await blob.arrayBuffer())) };
  }, tab.url());
  expect(bytes.type).toBe('application/pdf');
  const path = info.outputPath('printed.pdf');
  writeFileSync(path, Buffer.from(bytes.data));
  const printed = pdfLines(path).map((lines) => lines.filter((l, i) => !(i === 0 && l.startsWith(NOTICE))));
  expect(printed).toEqual(shown);
});
