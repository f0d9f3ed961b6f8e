import type { Locator, Page } from '@playwright/test';

// What reached a field, key by key: for flows where the field goes away (or comes back as a
// new element) while keys are still being typed, so that a test can say exactly which text the
// author last saw in it, and so must find stored.

/** Starts recording, in the page, the value of every text field after each input event. */
export async function recordTyping(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __typed: { element: number; id: string; value: string }[] };
    if (w.__typed) return;
    w.__typed = [];
    const elements: EventTarget[] = [];
    document.addEventListener('input', (event) => {
      const field = event.target;
      if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
      if (!elements.includes(field)) elements.push(field);
      w.__typed.push({ element: elements.indexOf(field), id: field.id, value: field.value });
    }, true);
  });
}

/**
 * What the field with this DOM id last held: in the first element that had the id (the field
 * the author was typing into) and in the last one (the same field rendered again, if it was).
 * Undefined when no key reached it.
 */
export async function typedInto(page: Page, id: string): Promise<{ first: string; last: string } | undefined> {
  const log = await page.evaluate(() => (window as unknown as { __typed: { element: number; id: string; value: string }[] }).__typed);
  const entries = log.filter((e) => e.id === id);
  if (entries.length === 0) return undefined;
  const firstElement = entries[0].element;
  const first = entries.filter((e) => e.element === firstElement).at(-1)!.value;
  return { first, last: entries.at(-1)!.value };
}

/** The DOM id of a field, to read what reached it with `typedInto`. */
export async function fieldId(field: Locator): Promise<string> {
  const id = await field.getAttribute('id');
  if (!id) throw new Error('the field has no id');
  return id;
}
