import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { PagesView } from '../pages/pages';
import { allowErrors, expect, test, type BrowserContext, type Page } from '../support/test';

// These tests serve their own copy of dist/, so that they can "deploy" a new build into it, on
// a port of their own next to E2E_PORT, below a sub-path.
const root = join(__dirname, '..', '..', '..');
const port = Number(process.env.E2E_PORT ?? 4173) + 100;
const base = `http://127.0.0.1:${port}/app/`;

let site: string;
let server: ChildProcess;

test.describe.configure({ mode: 'serial' });

test.beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'igf-offline-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  server = spawn('node', [join(root, 'scripts', 'serve.mjs'), site, String(port), '/app/'], { stdio: 'ignore' });
  await expect.poll(async () => (await fetch(base).catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
});

test.afterEach(() => {
  server.kill();
  rmSync(site, { recursive: true, force: true });
});

/** The files of the site being served, as the service worker must cache them: those of the
 * build, or those fetched on demand (the fonts in fonts/, the catalogues in i18n/ and the wasm
 * chunks in chunks/, which go into a cache of their own). */
function siteFiles(onDemand = false): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(site.length + 1).split('\\').join('/'))
    .filter((path) => path !== 'sw.js' && ['fonts/', 'i18n/', 'chunks/'].some((folder) => path.startsWith(folder)) === onDemand)
    .map((path) => new URL(path, base).href)
    .sort();
}

const buildFiles = () => siteFiles();

/** The caches of builds, leaving out the on-demand cache. */
function builds(caches: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(caches).filter(([name]) => !name.includes(' on demand ')));
}

function stylesheet(): string {
  return readdirSync(site).find((f) => f.endsWith('.css'))!;
}

/**
 * "Deploys" a new build: the stylesheet changes (so its hashed name and index.html change),
 * and the precache list is written again by the same script the release build runs.
 */
function deployNewBuild(): string {
  const old = stylesheet();
  const css = readFileSync(join(site, old), 'utf8') + '\n:root{--build:"2"}\n';
  const fresh = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(site, fresh), css);
  rmSync(join(site, old));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const index = readFileSync(join(site, 'index.html'), 'utf8')
    .replace(/(<link rel="stylesheet" href=")[^"]+(" integrity=")[^"]+"/, `$1${fresh}$2${integrity}"`);
  if (!index.includes(fresh)) throw new Error('the stylesheet link was not found in index.html');
  writeFileSync(join(site, 'index.html'), index);
  execFileSync('node', [join(root, 'scripts', 'precache.mjs'), site]);
  return fresh;
}

async function recordViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

/** Waits until this build's service worker is active, and returns what it cached. */
async function cached(page: Page): Promise<Record<string, string[]>> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', r));
  });
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** "Update available." with its "Reload" and "Later". */
function updatePrompt(page: Page) {
  return page.locator('.update-slot').filter({ hasText: 'Update available.' });
}

/** The stylesheet the page uses; null while the page is between two documents. */
async function currentStylesheet(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('link[rel=stylesheet]')?.getAttribute('href') ?? null).catch(() => null);
}

test('after one visit the editor loads and works offline; a new build waits for "Reload"', async ({ browser }, info) => {
  const context = await browser.newContext();
  await recordViolations(context);
  const page = await context.newPage();
  await page.goto(base);
  const editor = new EditorPage(page);
  await expect(new LibraryPage(page).newButton('New BPF proposal')).toBeVisible();

  // The cache holds exactly the files of this build, under a name with the build's hash.
  const v1 = buildFiles();
  const caches1 = builds(await cached(page));
  expect(Object.keys(caches1)).toHaveLength(1);
  expect(Object.keys(caches1)[0]).toMatch(new RegExp(`^igf-proposal-editor ${base} [0-9a-f]{16}$`));
  expect(Object.values(caches1)[0]).toEqual(v1);
  // The fonts the PDF embeds, the catalogues of the other languages and the chunks of the
  // screens shown on demand are not in the first load: the worker fetches them in the
  // background into a second cache, so that the PDF, every language and every screen work
  // offline too.
  await expect.poll(async () => Object.entries(await cached(page)).filter(([name]) => / on demand [0-9a-f]{16}$/.test(name)).map(([, files]) => files)).toEqual([siteFiles(true)]);

  // Offline: the page reloads, takes typing, saves, and exports.
  await context.setOffline(true);
  // A file outside the build, asked for while offline, fails (and Chromium logs the failure).
  allowErrors({ message: /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/, url: /\/app\/not-in-the-build\.txt:/ });
  expect(await page.evaluate(() => fetch('./not-in-the-build.txt').then(() => 'answered', () => 'failed'))).toBe('failed');
  await page.reload();
  await editor.create('New BPF proposal');
  await editor.title.fill('Written offline');
  await editor.section('Proposed Theme/Issue for the BPF').fill('Typed while the network was off.');
  await expect(editor.saveStatus).toHaveText(/^Saved in this browser at/);
  const file = await (await editor.export('Markdown (.md)')).path();
  expect(readFileSync(file, 'utf8')).toContain('Typed while the network was off.');
  await page.keyboard.press('Escape');
  const pdf = await editor.export('PDF (.pdf)');
  expect(execFileSync('pdftotext', [await pdf.path(), '-']).toString()).toContain('Typed while the network was off.');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(editor.section('Proposed Theme/Issue for the BPF')).toHaveValue('Typed while the network was off.');
  // The chunks never shown online come from the second cache: the History panel and the pages.
  await editor.history.open();
  await new PagesView(page).open();
  await page.screenshot({ path: info.outputPath('offline-editor.png') });

  // Back online, a new build is deployed. The page keeps running the build it was served
  // from, and says that a new one is ready; it does not switch by itself.
  await context.setOffline(false);
  const v1Css = await currentStylesheet(page);
  const v2Css = deployNewBuild();
  await page.reload();
  const prompt = updatePrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(await currentStylesheet(page)).toBe(v1Css);
  await page.screenshot({ path: info.outputPath('update-available.png') });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });

  // "Later" hides the prompt; the new build keeps waiting, and a reload offers it again.
  await prompt.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByText('Update available.')).toHaveCount(0);
  await page.reload();
  await expect(prompt).toBeVisible();
  expect(await currentStylesheet(page)).toBe(v1Css);

  // A second tab of the same build switches together with the first.
  const other = await context.newPage();
  await other.goto(base);
  await expect(updatePrompt(other)).toBeVisible();

  // "Reload": the new build takes over and every tab reloads once into it, with nothing of the
  // old build loaded and the draft as it was.
  const v2 = buildFiles();
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => currentStylesheet(page)).toBe(v2Css);
  await expect.poll(() => currentStylesheet(other)).toBe(v2Css);
  await expect(editor.section('Proposed Theme/Issue for the BPF')).toHaveValue('Typed while the network was off.');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--build'))).toBe('"2"');
  const assets = loaded.filter((url) => url.startsWith(base) && url !== base && !url.endsWith('/sw.js'));
  expect(assets.length).toBeGreaterThan(3);
  const v2All = [...v2, ...siteFiles(true)];
  for (const url of assets) expect(v2All, `${url} is a file of the new build`).toContain(url);
  expect(assets.some((url) => url.endsWith(v1Css!))).toBe(false);
  const caches2 = builds(await cached(page));
  expect(Object.values(caches2)).toEqual([v2]);
  await expect(page.getByText('Update available.')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('without service workers the editor still loads, saves and reloads', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  const editor = new EditorPage(page);
  await editor.create('New WG proposal');
  await editor.title.fill('No service worker');
  await expect(editor.saveStatus).toHaveText(/^Saved in this browser at/);
  await page.reload();
  await expect(editor.title).toHaveValue('No service worker');
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the app can be installed: a valid manifest with icons, and an offline-capable worker', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await cached(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toBe(`${base}manifest.webmanifest`);
  expect(manifest.errors).toEqual([]);
  const data = JSON.parse(manifest.data!);
  expect(data).toMatchObject({ name: 'IGF Proposal Editor', start_url: './', scope: './', display: 'standalone' });
  for (const icon of data.icons as { src: string; sizes: string }[]) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
  // Chromium reports private (incognito-like) test profiles as not installable; nothing else.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  await context.close();
});
