// The one table of `make bench`: our figures beside the baseline's from the same run, their
// ratio, and the budget each must meet. Reads target/bench/{size,browser,engine}.json, written by
// size.mjs, browser.mjs and `cargo bench --bench engine`; writes target/bench/report.json.
// Budgets are reported, never asserted here (the size budget is also a test: size.spec.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'bench');
const read = (name) => (existsSync(join(out, name)) ? JSON.parse(readFileSync(join(out, name), 'utf8')) : null);
const size = read('size.json');
const browser = read('browser.json');
const engine = read('engine.json');

const kb = (b) => (b == null ? '—' : `${(b / 1000).toFixed(1)} KB`);
const mb = (b) => (b == null ? '—' : `${(b / 1e6).toFixed(2)} MB`);
const ms = (v) => (v == null || Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);
// Event Timing reports only events of 16 ms or more; below that we know only "under 16".
const et = (v) => (v == null ? '—' : v < 16 ? '<16 ms' : `${v.toFixed(0)} ms`);
const signed = (f) => (b) => (b == null ? '—' : `${b < 0 ? '−' : '+'}${f(Math.abs(b))}`);

const rows = [];
/** One row: what, ours, baseline, how ours is shown, the budget text and whether it holds. */
function row(what, ours, baseline, show, budget = '', holds = null) {
  const ratio = ours != null && baseline ? `${(ours / baseline).toFixed(2)}×` : '—';
  rows.push({ what, ours: show(ours), baseline: baseline == null ? '—' : show(baseline), ratio, budget, verdict: holds == null ? '' : holds ? 'ok' : 'MISS', value: ours, baselineValue: baseline });
}

if (size) {
  const { firstLoad, allCode } = size;
  row('Size: first load (wasm + JS + CSS), gzip', firstLoad.gzip, size.baseline?.gzip, kb, '≤ 300 KB', firstLoad.gzip <= 300_000);
  row('Size: first load (wasm + JS + CSS), brotli', firstLoad.brotli, size.baseline?.brotli, kb, '≤ 250 KB', firstLoad.brotli <= 250_000);
  row('Size: all code, the office worker too, gzip', allCode.gzip, null, kb);
  row('Size: every file, raw', size.total.raw, size.baseline?.raw, kb);
}
if (browser) {
  const { ours, baseline } = browser;
  row(`Load: navigation to editable (median of ${browser.config.loads})`, ours.load.median, baseline.load.median, ms, '≤ 1.5× base', ours.load.median <= 1.5 * baseline.load.median);
  for (const rate of [1, 4]) {
    const o = ours[`typing${rate}x`];
    const b = baseline[`typing${rate}x`];
    const label = `Typing ${rate}x (${o.keystrokes} keys)`;
    for (const p of ['p50', 'p95', 'max']) {
      const budget = rate === 1 && p === 'p95' ? '≤ 16 ms, ≤ 1.5× base' : '';
      const holds = budget ? o.frame.p95 <= 16 && o.frame.p95 <= 1.5 * b.frame.p95 : null;
      row(`${label}: keydown to next frame ${p}`, o.frame[p], b.frame[p], ms, budget, holds);
    }
    for (const p of ['p50', 'p95', 'max']) row(`${label}: Event Timing ${p}`, o.eventTiming[p], b.eventTiming[p], et);
    // With the page view open beside the editor (#20): within 1.2x of the baseline's p95.
    const v = browser.pages?.[`typing${rate}x`];
    if (v) {
      const pagesLabel = `Typing ${rate}x with the pages open (${v.keystrokes} keys, ${v.pagesDrawn} pages drawn)`;
      for (const p of ['p50', 'p95', 'max']) {
        const budget = p === 'p95' ? '≤ 1.2× base' : '';
        row(`${pagesLabel}: keydown to next frame ${p}`, v.frame[p], b.frame[p], ms, budget, budget ? v.frame.p95 <= 1.2 * b.frame.p95 : null);
      }
      for (const p of ['p50', 'p95', 'max']) row(`${pagesLabel}: Event Timing ${p}`, v.eventTiming[p], b.eventTiming[p], et);
    }
  }
  const m = (subject) => subject.memory;
  row('Memory: wasm after load', m(ours).afterLoad.wasm, m(baseline).afterLoad.wasm || null, mb);
  row('Memory: JS heap after load', m(ours).afterLoad.jsHeap, m(baseline).afterLoad.jsHeap, mb);
  const growth = (s, key) => m(s).afterTyping[key] - m(s).afterLoad[key];
  const keys = browser.config.memoryKeystrokes;
  row(`Memory: wasm growth after ${keys} keys`, growth(ours, 'wasm'), null, signed(mb));
  row(`Memory: JS heap growth after ${keys} keys`, growth(ours, 'jsHeap'), growth(baseline, 'jsHeap'), signed(mb));
  if (ours.typing1x.pageCount) rows.push({ what: `Typed draft: ${ours.typing1x.pageCount.trim()}`, ours: '', baseline: '', ratio: '', budget: '', verdict: '' });
}
if (engine) {
  const us = (v) => (v == null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
  for (const r of engine.rows) {
    let budget = '';
    let holds = null;
    if (r.pages === 3 && r.name === 'checks + layout, per keystroke') [budget, holds] = ['< 2 ms', r.micros < 2000];
    if (r.pages === 3 && r.name.startsWith('export ')) [budget, holds] = ['< 50 ms', r.micros < 50_000];
    row(`Engine (native): ${r.name}, ${r.pages} p.`, r.micros, null, us, budget, holds);
  }
}

const headers = { what: 'measure', ours: 'ours', baseline: 'baseline', ratio: 'ours/base', budget: 'budget', verdict: '' };
const width = (key) => Math.max(...[headers, ...rows].map((r) => String(r[key]).length));
const cols = ['what', 'ours', 'baseline', 'ratio', 'budget', 'verdict'];
const w = Object.fromEntries(cols.map((c) => [c, width(c)]));
const format = (r) => cols.map((c) => (c === 'what' || c === 'budget' ? String(r[c]).padEnd(w[c]) : String(r[c]).padStart(w[c]))).join('  ').trimEnd();
console.log(`\nmake bench: IGF Proposal Editor beside a bare-textarea baseline (same run)`);
console.log(format(headers));
console.log('-'.repeat(format(headers).length));
for (const r of rows) console.log(format(r));
const misses = rows.filter((r) => r.verdict === 'MISS').map((r) => r.what);
console.log(misses.length ? `\nMissed budgets: ${misses.join('; ')}.` : '\nEvery budget holds.');
writeFileSync(join(out, 'report.json'), JSON.stringify(rows, null, 2));
