import { expect, type Locator, type Page } from '@playwright/test';

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

/** The start screen and the editor, found the way a screen reader finds them. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async gotoStart() {
    await this.page.goto('./');
    await expect(this.page.getByRole('button', { name: 'New BPF proposal' })).toBeVisible();
  }

  async create(kind: StartButton) {
    await this.page.getByRole('button', { name: kind, exact: true }).click();
    await expect(this.title).toBeVisible();
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Proposal title', exact: true });
  }

  section(heading: string): Locator {
    return this.page.getByRole('textbox', { name: heading, exact: true });
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get totalWords(): Locator {
    return this.page.getByText(/^\d+ words? in total$/);
  }

  /** The word count shown under a section, e.g. "12 words". */
  sectionCount(heading: string): Locator {
    return this.page.locator('.section-field').filter({ has: this.section(heading) }).locator('.count');
  }

  async backToDrafts() {
    await this.page.getByRole('button', { name: 'All drafts' }).click();
  }

  get drafts(): Locator {
    return this.page.getByRole('list', { name: 'Drafts' });
  }

  get checks(): Locator {
    return this.page.getByRole('region', { name: 'Checks' });
  }

  /** The link of a finding in the checks panel, by (part of) its sentence. */
  finding(text: string | RegExp): Locator {
    return this.checks.getByRole('link', { name: text });
  }

  /** The findings in the panel of one severity, e.g. "Must fix". */
  findingsOf(severity: 'Must fix' | 'Should fix' | 'Tip'): Locator {
    return this.checks.getByRole('listitem').filter({ hasText: severity });
  }

  person(n: number): Locator {
    return this.page.getByRole('group', { name: `Co-facilitator ${n}`, exact: true });
  }

  /** Adds a co-facilitator through the keyboard-friendly form. */
  async addPerson(name: string, group: string, mag: boolean) {
    const count = await this.page.locator('fieldset.person').count();
    await this.page.getByRole('button', { name: 'Add co-facilitator' }).click();
    const row = this.person(count + 1);
    await expect(row.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await row.getByRole('textbox', { name: 'Name' }).fill(name);
    await row.getByRole('combobox', { name: 'Stakeholder group' }).selectOption(group);
    if (mag) await row.getByRole('checkbox', { name: 'MAG member' }).check();
  }
}

/** Every stored draft of the page's browser profile, by storage key. */
export async function storedDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate((prefix) => {
    const out: Record<string, string> = {};
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) out[key] = localStorage.getItem(key)!;
    return out;
  }, 'igf-proposal-editor/draft/');
}
