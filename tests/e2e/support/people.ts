import { expect, type Browser, type Page } from '@playwright/test';
import { LibraryPage } from '../pages/library';
import { storedDrafts, waitForStored } from './storage';

// The people of the sharing flows, each in a browser profile of their own.

/** The author writes a WG proposal; returns its editor. */
export async function writeDraft(page: Page) {
  const library = new LibraryPage(page);
  await library.goto();
  const editor = await library.create('New WG proposal');
  await editor.title.fill('Newcomer Engagement — «naïve» <b>&</b> 日本語');
  await editor.section('Purpose of the WG').fill('To help **newcomers** take part.\n\n<script>alert(1)</script>');
  await editor.section('Expected Output(s)').fill('A recommendations paper to the MAG, and a short guide for workshop organisers.');
  await editor.section('Timeframe for the work').fill('One IGF cycle.');
  return editor;
}

/** A reviewer in a fresh browser, with a draft of their own (stored before anything arrives). */
export async function reviewerWithOwnDraft(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const library = new LibraryPage(page);
  await library.goto();
  const editor = await library.create('New BPF proposal');
  await editor.title.fill('My own BPF');
  await editor.section('Expected Output(s)').fill('My own words.');
  await waitForStored(page, { title: 'My own BPF', sections: { outputs: 'My own words.' } });
  await editor.backToDrafts();
  await expect(library.openButton('My own BPF')).toBeVisible();
  return { context, page, library, before: await storedDrafts(page) };
}
