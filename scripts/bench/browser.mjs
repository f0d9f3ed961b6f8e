// Browser benchmarks of the release build against a bare-textarea baseline, in one run so that
// their ratio holds on a noisy machine: load (navigation to an editable editor, median of cold
// loads), typing latency (in-page probe and Event Timing, at 1x and 4x CPU throttling; in the
// editor as it opens, and with the page view open beside it) and memory (wasm and JS heap after
// load, and growth after 1,000 keystrokes).
// Usage: node scripts/bench/browser.mjs   (after `make dist`; writes target/bench/browser.json)
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DRAFT_ID, TYPED_SECTION, envelope, markdown } from './draft.mjs';
import { MARKED, percentile, sleep } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'target', 'bench');
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4186);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 4187);
const LOADS = 5;
const KEYSTROKES = 200;
const MEMORY_KEYSTROKES = 1000;
/** Pause after each keystroke's frame: a fast typist's rhythm, and room for idle work. */
const KEY_GAP_MS = 40;
const TYPED = ' Each case study is published as soon as its organisation approves the text.';

const probe = readFileSync(join(here, 'probe.js'), 'utf8');

/** The baseline site: its page, `marked` from npm, served like dist/. */
function buildBaseline() {
  const dir = join(out, 'baseline');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'benches', 'baseline', 'index.html'), join(dir, 'index.html'));
  copyFileSync(MARKED, join(dir, 'marked.esm.js'));
  return dir;
}

function serve(dir, port) {
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', () => resolve(server));
  });
}

async function focusSection(page) {
  await page.getByRole('textbox', { name: TYPED_SECTION.heading, exact: true }).click();
  await page.keyboard.press('Control+End');
}

const subjects = {
  ours: {
    url: `http://127.0.0.1:${APP_PORT}/`,
    seed: { [`igf-proposal-editor/draft/${DRAFT_ID}`]: envelope() },
    session: { 'igf-proposal-editor/open-draft': JSON.stringify(DRAFT_ID) },
    focus: focusSection,
  },
  // The editor with the page view open (remembered in this browser), its text in the fonts.
  pages: {
    url: `http://127.0.0.1:${APP_PORT}/`,
    seed: { [`igf-proposal-editor/draft/${DRAFT_ID}`]: envelope(), 'igf-proposal-editor/pages-view': 'open' },
    session: { 'igf-proposal-editor/open-draft': JSON.stringify(DRAFT_ID) },
    async focus(page) {
      const region = page.getByRole('region', { name: 'Pages' });
      await region.locator('svg g[data-line] text').first().waitFor({ state: 'attached', timeout: 30000 });
      await page.waitForFunction(() => document.querySelectorAll('svg .bar').length === 0);
      await focusSection(page);
    },
  },
  baseline: {
    url: `http://127.0.0.1:${BASELINE_PORT}/`,
    seed: { 'baseline/draft': markdown() },
    session: {},
    async focus(page) {
      // The caret at the end of the same section, as in the editor.
      await page.locator('textarea').click();
      await page.evaluate((heading) => {
        const area = document.querySelector('textarea');
        const start = area.value.indexOf(`## ${heading}`);
        const end = area.value.indexOf('\n\n## ', start + 1);
        area.setSelectionRange(end, end);
      }, TYPED_SECTION.heading);
    },
  },
};

async function openPage(browser, subject) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(({ seed, session }) => {
    for (const [k, v] of Object.entries(seed)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    for (const [k, v] of Object.entries(session)) sessionStorage.setItem(k, v);
  }, { seed: subject.seed, session: subject.session });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(subject.url);
  await page.waitForFunction(() => window.__bench.editableAt !== null, null, { timeout: 30000 });
  return { context, page, cdp };
}

async function load(browser, subject) {
  const { context, page } = await openPage(browser, subject);
  const ms = await page.evaluate(() => window.__bench.editableAt);
  await context.close();
  return ms;
}

/** Types `text` one key at a time, each after the previous one's frame, and returns the probe's
 * latencies and the Event Timing duration of each keystroke's interaction. */
async function type(page, text, gapMs) {
  await page.evaluate(() => window.__bench.reset());
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    await page.evaluate((n) => window.__bench.until(n), i + 1);
    if (gapMs) await sleep(gapMs);
  }
  await sleep(200); // let the last Event Timing entries arrive
  return page.evaluate(() => {
    const perInteraction = new Map();
    for (const e of window.__bench.events) {
      if (!e.interactionId) continue;
      perInteraction.set(e.interactionId, Math.max(perInteraction.get(e.interactionId) ?? 0, e.duration));
    }
    return { latencies: [...window.__bench.latencies], slowEvents: [...perInteraction.values()] };
  });
}

function keys(count) {
  return TYPED.repeat(Math.ceil(count / TYPED.length)).slice(0, count);
}

async function typing(browser, subject, rate) {
  const { context, page, cdp } = await openPage(browser, subject);
  await subject.focus(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const { latencies, slowEvents } = await type(page, keys(KEYSTROKES), KEY_GAP_MS);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Keystrokes the Event Timing API did not report took under its 16 ms threshold.
  const events = [...slowEvents, ...Array(Math.max(0, latencies.length - slowEvents.length)).fill(0)];
  const summary = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
  const result = { keystrokes: latencies.length, frame: summary(latencies), eventTiming: { ...summary(events), reported: slowEvents.length } };
  if (subject === subjects.ours) result.pageCount = await page.locator('text=/of 3 pages/').first().textContent();
  if (subject === subjects.pages) result.pagesDrawn = await page.getByRole('region', { name: 'Pages' }).getByRole('group', { name: /^Page \d+ of/ }).count();
  await context.close();
  return result;
}

async function heap(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(300);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
  return { jsHeap: usedSize, wasm };
}

async function memory(browser, subject) {
  const { context, page, cdp } = await openPage(browser, subject);
  await sleep(1000); // autosave and idle work after load
  const afterLoad = await heap(page, cdp);
  await subject.focus(page);
  const { latencies } = await type(page, keys(MEMORY_KEYSTROKES), 0);
  await sleep(1000);
  const afterTyping = await heap(page, cdp);
  await context.close();
  return { afterLoad, afterTyping, keystrokes: latencies.length };
}

const median = (values) => percentile(values, 50);

async function main() {
  mkdirSync(out, { recursive: true });
  const servers = [await serve(join(root, 'dist'), APP_PORT), await serve(buildBaseline(), BASELINE_PORT)];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = { ours: {}, pages: {}, baseline: {}, config: { loads: LOADS, keystrokes: KEYSTROKES, memoryKeystrokes: MEMORY_KEYSTROKES, keyGapMs: KEY_GAP_MS } };
  try {
    // Interleaved, so that a burst of load on the machine hits both alike.
    const loads = { ours: [], baseline: [] };
    for (let i = 0; i < LOADS; i++) {
      for (const name of ['ours', 'baseline']) loads[name].push(await load(browser, subjects[name]));
    }
    for (const name of ['ours', 'baseline']) results[name].load = { median: median(loads[name]), samples: loads[name] };
    console.error('bench: load done');
    for (const rate of [1, 4]) {
      for (const name of ['ours', 'pages', 'baseline']) results[name][`typing${rate}x`] = await typing(browser, subjects[name], rate);
      console.error(`bench: typing at ${rate}x done`);
    }
    for (const name of ['ours', 'baseline']) results[name].memory = await memory(browser, subjects[name]);
    console.error('bench: memory done');
  } finally {
    await browser.close();
    for (const server of servers) server.kill();
  }
  writeFileSync(join(out, 'browser.json'), JSON.stringify(results, null, 2));
}

await main();
