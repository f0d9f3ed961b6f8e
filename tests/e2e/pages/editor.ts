import { expect, type Locator, type Page } from '@playwright/test';
import { waitForStored } from '../support/storage';
import { HistoryPanel } from './history';
import { LibraryPage } from './library';
import { ShareDialog } from './share';

/** The official headings of each template, verbatim and in order (design.md). */
const BPF_HEADINGS = [
  'Proposed Theme/Issue for the BPF',
  'Objectives/Goals of the BPF',
  'Expected Output(s)',
  'Outreach and Dissemination Plan/Strategy',
  'Timeframe for the work (1-year or multi-year forecast)',
  'Names of Co-Facilitator(s) (2-3 MAG members + non-MAG members if appropriate)',
];

export const HEADINGS = {
  'New BPF proposal': BPF_HEADINGS,
  'New continuing BPF proposal': [...BPF_HEADINGS, 'Annual work report of the prior year'],
  'New WG proposal': [
    'Purpose of the WG',
    'Objectives/Goals of the WG',
    'Expected Output(s)',
    'Implementation Plan (if appropriate)',
    'Timeframe for the work',
  ],
};

export type StartButton = keyof typeof HEADINGS;

/** The key each section is stored under in the draft (`draft.sections[key]`), by template. */
const BPF_KEYS = ['theme', 'objectives', 'outputs', 'outreach', 'timeframe', 'co-facilitators'];
export const SECTION_KEYS: Record<StartButton, string[]> = {
  'New BPF proposal': BPF_KEYS,
  'New continuing BPF proposal': [...BPF_KEYS, 'annual-report'],
  'New WG proposal': ['purpose', 'objectives', 'outputs', 'implementation', 'timeframe'],
};

/** The storage key of a section of a template, by its official heading. */
export function sectionKey(kind: StartButton, heading: string): string {
  const index = HEADINGS[kind].indexOf(heading);
  if (index < 0) throw new Error(`“${heading}” is not a section of a ${kind}`);
  return SECTION_KEYS[kind][index];
}

/** The editor screen: one draft, found the way a screen reader finds it. */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** The start screen of a fresh visit (see LibraryPage for everything on it). */
  async gotoStart(): Promise<LibraryPage> {
    const library = new LibraryPage(this.page);
    await library.goto();
    return library;
  }

  /** Creates a draft of this kind from the start screen. */
  async create(kind: StartButton) {
    await new LibraryPage(this.page).create(kind);
  }

  /** The drafts list of the start screen. */
  get drafts(): Locator {
    return new LibraryPage(this.page).drafts;
  }

  /** The template's name, e.g. "New WG proposal", as the editor's main heading shows it. */
  async kind(): Promise<StartButton> {
    const label = (await this.page.getByRole('heading', { level: 1 }).innerText()).trim();
    if (!(label in HEADINGS)) throw new Error(`the editor's heading “${label}” names no template`);
    return label as StartButton;
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Proposal title', exact: true });
  }

  section(heading: string): Locator {
    return this.page.getByRole('textbox', { name: heading, exact: true });
  }

  /** The whole field of a section: heading, text, count, findings and comments beside it. */
  sectionField(heading: string): Locator {
    return this.page.locator('.section-field').filter({ has: this.section(heading) });
  }

  /**
   * Pastes into a section as the system does when something copied from Word, Google Docs or
   * a web page is pasted: a paste event whose clipboard data carries HTML and plain text.
   */
  async pasteInto(heading: string, html: string, plain: string) {
    await this.section(heading).focus();
    await this.section(heading).evaluate((field, [html, plain]) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', plain);
      field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [html, plain]);
  }

  /** The key press of "paste as plain text" (Ctrl+Shift+V), as the field hears it before a paste. */
  async pressPlainPasteShortcut(heading: string) {
    await this.section(heading).evaluate((field) => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'V', ctrlKey: true, shiftKey: true, bubbles: true }));
    });
  }

  get proposerName(): Locator {
    return this.page.getByRole('textbox', { name: 'Your name' });
  }

  get proposerEmail(): Locator {
    return this.page.getByRole('textbox', { name: 'Your email address' });
  }

  get codeOfConduct(): Locator {
    return this.page.getByRole('checkbox', { name: 'This work will follow the IGF Code of Conduct' });
  }

  get meetingDate(): Locator {
    return this.page.getByLabel('Date of the MAG meeting');
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  /** "Loading…", while a part of the editor that loads on demand is on its way. */
  get chunkStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Loading…$/ });
  }

  /** The sentence, with "Try again", of a part of the editor that could not be loaded. */
  get chunkFailure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'This part of the editor could not be loaded' });
  }

  get totalWords(): Locator {
    return this.page.getByText(/^\d+ words? in total$/);
  }

  /** What autosave says: "Saving…", "Saved in this browser at …", "Not saved". */
  get saveStatus(): Locator {
    return this.page.getByText(/^(Not saved yet: start typing|Saving…|Saved in this browser at .*|Not saved)$/);
  }

  /** The word count shown under a section, e.g. "12 words". */
  sectionCount(heading: string): Locator {
    return this.sectionField(heading).locator('.count');
  }

  get allDrafts(): Locator {
    return this.page.getByRole('button', { name: 'All drafts' });
  }

  async backToDrafts(): Promise<LibraryPage> {
    await this.allDrafts.click();
    return new LibraryPage(this.page);
  }

  get checks(): Locator {
    return this.page.getByRole('region', { name: 'Checks' });
  }

  /** "Ready to submit" or "N to fix before submitting". */
  get verdict(): Locator {
    return this.checks.locator('.checks-verdict');
  }

  /** The live page count, e.g. "2.4 of 3 pages". */
  get pageCount(): Locator {
    return this.checks.getByText(/^\d+\.\d of 3 pages$/);
  }

  /** The link of a finding in the checks panel, by (part of) its sentence. */
  finding(text: string | RegExp): Locator {
    return this.checks.getByRole('link', { name: text });
  }

  /** A finding's whole entry in the panel (sentence, source, "Not applicable"), by its text. */
  findingItem(text: string | RegExp): Locator {
    return this.checks.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: text }) });
  }

  /** Dismisses a finding as not applicable, typing the reason as a person does. */
  async dismiss(text: string | RegExp, reason: string) {
    await this.findingItem(text).getByRole('button', { name: 'Not applicable' }).click();
    const field = this.checks.getByRole('textbox', { name: 'Why does this not apply? (optional)' });
    await expect(field).toBeFocused();
    await this.page.keyboard.type(reason);
    await this.page.keyboard.press('Enter');
  }

  /** The summary of the findings dismissed as not applicable: "Dismissed as not applicable (2)". */
  get dismissedSummary(): Locator {
    return this.checks.getByText(/^Dismissed as not applicable \(\d+\)$/);
  }

  /** The findings in the panel of one severity, e.g. "Must fix". */
  findingsOf(severity: 'Must fix' | 'Should fix' | 'Tip'): Locator {
    return this.checks.getByRole('listitem').filter({ hasText: severity });
  }

  get addCoFacilitator(): Locator {
    return this.page.getByRole('button', { name: 'Add co-facilitator' });
  }

  person(n: number): Locator {
    return this.page.getByRole('group', { name: `Co-facilitator ${n}`, exact: true });
  }

  /** Every co-facilitator's Name field, in order. */
  get personNames(): Locator {
    return this.page.getByRole('textbox', { name: 'Name', exact: true });
  }

  /** The co-facilitators' names as typed, in order. */
  async personNameValues(): Promise<string[]> {
    return this.personNames.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  }

  /** Adds a co-facilitator through the keyboard-friendly form. */
  async addPerson(name: string, group: string, mag: boolean) {
    const count = await this.personNames.count();
    await this.addCoFacilitator.click();
    const row = this.person(count + 1);
    await expect(row.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await row.getByRole('textbox', { name: 'Name' }).fill(name);
    await row.getByRole('combobox', { name: 'Stakeholder group' }).selectOption(group);
    if (mag) await row.getByRole('checkbox', { name: 'MAG member' }).check();
  }

  /** The "Reviews" region: the reviews received for this draft. */
  get reviews(): Locator {
    return this.page.getByRole('region', { name: 'Reviews' });
  }

  /** The comments shown beside a section. */
  comments(heading: string): Locator {
    return this.sectionField(heading).locator('.comment');
  }

  /** The text of each comment beside a section. */
  commentText(heading: string): Locator {
    return this.comments(heading).locator('.comment-text');
  }

  /** The passage each comment beside a section quotes. */
  commentQuote(heading: string): Locator {
    return this.comments(heading).locator('.comment-quote');
  }

  /** Who wrote each comment beside a section, when, and whether the part changed since. */
  commentMeta(heading: string): Locator {
    return this.comments(heading).locator('.comment-meta');
  }

  get history(): HistoryPanel {
    return new HistoryPanel(this.page);
  }

  /** Opens the Share dialog. */
  async share(): Promise<ShareDialog> {
    const dialog = new ShareDialog(this.page);
    await dialog.open();
    return dialog;
  }

  /** The button that opens the Export menu. */
  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  /** Opens the Export menu and downloads one format; returns the download. */
  async export(label: string) {
    await this.exportButton.click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: label }).click();
    return download;
  }

  /**
   * Waits until autosave has written what the editor shows now: the title and every section's
   * text are in storage, and the indicator says so.
   */
  async waitUntilSaved() {
    const kind = await this.kind();
    const title = await this.title.inputValue();
    const sections: Record<string, string> = {};
    for (const [i, heading] of HEADINGS[kind].entries()) sections[SECTION_KEYS[kind][i]] = await this.section(heading).inputValue();
    const people = (await this.personNameValues()).map((name) => ({ name }));
    await expect(this.saveStatus).toHaveText(/^Saved in this browser at/);
    await waitForStored(this.page, {
      title,
      sections,
      proposer_name: await this.proposerName.inputValue(),
      proposer_email: await this.proposerEmail.inputValue(),
      co_facilitators: people,
    });
  }
}
