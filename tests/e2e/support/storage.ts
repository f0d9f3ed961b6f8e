import { expect, type Page } from '@playwright/test';

/** Where the app keeps each draft in localStorage: `igf-proposal-editor/draft/<id>`. */
export const DRAFT_PREFIX = 'igf-proposal-editor/draft/';

/** A stored draft as the envelope holds it (only the fields the tests read). */
export interface StoredDraft {
  schema: number;
  draft: {
    id: string;
    kind: string;
    title: string;
    sections: Record<string, string>;
    [field: string]: unknown;
  };
}

/** Every stored draft of the page's browser profile, by storage key, as stored text. */
export async function storedDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate((prefix) => {
    const out: Record<string, string> = {};
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) out[key] = localStorage.getItem(key)!;
    return out;
  }, DRAFT_PREFIX);
}

/** Every stored draft, read as JSON (a value that does not parse is left out). */
export async function storedEnvelopes(page: Page): Promise<StoredDraft[]> {
  return Object.values(await storedDrafts(page)).flatMap((text) => {
    try {
      return [JSON.parse(text) as StoredDraft];
    } catch {
      return [];
    }
  });
}

/** The stored draft with this title; undefined when there is none. */
export async function storedDraftTitled(page: Page, title: string): Promise<StoredDraft | undefined> {
  return (await storedEnvelopes(page)).find((e) => e.draft.title === title);
}

/** What a stored draft must hold: its title, some sections by key, and other fields as stored. */
export interface ExpectedDraft {
  title: string;
  sections?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * Waits until autosave has written the draft with this title, holding everything `expected`
 * names (each listed section exactly, other fields matched as `toMatchObject` does), and
 * returns it.
 */
export async function waitForStored(page: Page, expected: ExpectedDraft): Promise<StoredDraft> {
  await expect
    .poll(async () => (await storedDraftTitled(page, expected.title))?.draft ?? null, {
      message: `the draft “${expected.title}” is stored with the text typed into it`,
    })
    .toMatchObject(expected);
  return (await storedDraftTitled(page, expected.title))!;
}
