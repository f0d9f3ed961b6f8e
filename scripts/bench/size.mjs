// Size of the release build: every file of dist/, raw, gzip and brotli, with totals (the budget
// counts gzip of wasm + JS + CSS, as tests/e2e/specs/size.spec.ts does), then what costs most
// inside the wasm, by crate and by function, from twiggy on a copy of the same build that keeps
// its function names.
// Usage: node scripts/bench/size.mjs   (after `make dist`; writes target/bench/size.json)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { MARKED } from './stats.mjs';
import { cargoWasm, cut, optLevel } from '../split.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const out = join(root, 'target', 'bench');
mkdirSync(out, { recursive: true });

/** Sizes of one file: raw, gzip -9, and brotli at its best quality. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

/** The files the size budget counts: code and style (tests/e2e/specs/size.spec.ts). */
export const counted = (file) => /\.(wasm|js|css)$/.test(file);
/** The code fetched only when it is needed: the office worker (a file imported or exported) and
 * the editor's chunks (chunks/, a screen or panel first shown). */
const onDemand = (file) => file.startsWith('office-worker') || file.startsWith('chunks/');

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function distSizes() {
  // Recursive (dist/icons/), with paths relative to dist/.
  const files = readdirSync(dist, { recursive: true }).sort()
    .filter((file) => statSync(join(dist, file)).isFile())
    .map((file) => ({ file, ...sizes(readFileSync(join(dist, file))) }));
  const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
  const totals = (list) => ({ raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), brotli: sum(list, 'brotli') });
  const code = files.filter((f) => counted(f.file));
  return {
    files,
    total: totals(files),
    // What is fetched before the editor is editable, and every chunk of code with the worker.
    firstLoad: totals(code.filter((f) => !onDemand(f.file))),
    allCode: totals(code),
  };
}

/** The crate a symbol belongs to: the first path segment of its name (for `<T as Trait>::f`,
 * the crate of `T`), with core, alloc and std together. A heuristic, as in cargo-bloat. */
function crateOf(name) {
  if (/^data segment|^data\[/.test(name)) return '(data segments)';
  if (/function names/.test(name)) return '(names section)';
  if (/^(code|func)\[/.test(name)) return '(unnamed functions)';
  // `<T as tachys::view::Render>::f`: a generic type, so the trait's crate.
  const generic = name.match(/^<[A-Z]\w* as (\w+)/);
  const path = generic ?? name.replace(/^[<&*(\[\s]+|^(mut|dyn|const) /g, '').match(/^([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?::/);
  if (!path) return `(${name.replace(/\[\d+\]$/, '').slice(0, 40)})`;
  return ['core', 'alloc', 'std'].includes(path[1]) ? 'std (core, alloc)' : path[1];
}

/** A copy of the first load's wasm that keeps function names: the same cargo output Trunk used,
 * cut as scripts/split.mjs cuts it, its main module through wasm-opt at the same level with
 * --debuginfo. */
function namedWasm() {
  const input = cargoWasm();
  if (!existsSync(input)) throw new Error(`${input} is missing: run make dist first.`);
  const dir = join(out, 'named');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cut(input, dir, 'igf-proposal-editor');
  const named = join(dir, 'named.wasm');
  execFileSync('wasm-opt', [`-O${optLevel()}`, '--debuginfo', join(dir, 'bound', 'igf-proposal-editor_bg.wasm'), '-o', named]);
  return named;
}

function twiggy(wasm) {
  const csv = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'csv', wasm], { maxBuffer: 64 << 20 }).toString();
  const rows = csv.trim().split('\n').slice(1).map((line) => {
    // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may hold commas.
    const cells = line.split(',');
    const [shallow] = cells.slice(-4);
    return { name: cells.slice(0, -4).join(',').replace(/^"|"$/g, '').replace(/""/g, '"'), bytes: Number(shallow) };
  }).filter((r) => Number.isFinite(r.bytes) && !/^Σ|^\d+ total/.test(r.name) && !/function names/.test(r.name));
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const crates = new Map();
  for (const r of rows) crates.set(crateOf(r.name), (crates.get(crateOf(r.name)) ?? 0) + r.bytes);
  return {
    total,
    crates: [...crates].map(([crate, bytes]) => ({ crate, bytes })).sort((a, b) => b.bytes - a.bytes),
    functions: rows.sort((a, b) => b.bytes - a.bytes).slice(0, 25),
  };
}

function print({ files, total, firstLoad, allCode, baseline }, profile) {
  const line = (name, s) => `${name.padEnd(46)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`;
  console.log(`\n${'Size of dist/ (release build)'.padEnd(46)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of files) console.log(line(f.file, f));
  console.log(line('total, every file', total));
  console.log(line('first load: wasm + JS + CSS (the budget)', firstLoad));
  console.log(line('all code, the office worker too', allCode));
  console.log(line('baseline page (HTML + marked)', baseline));
  if (!profile) return;
  const pct = (bytes) => `${((100 * bytes) / profile.total).toFixed(1).padStart(5)} %`;
  console.log(`\nWhat costs most in the wasm (twiggy, raw bytes after wasm-opt, names section left out; crates by name, a heuristic)`);
  for (const c of profile.crates.slice(0, 15)) console.log(`  ${c.crate.padEnd(44)} ${kb(c.bytes).padStart(10)} ${pct(c.bytes)}`);
  console.log('Largest items:');
  for (const f of profile.functions.slice(0, 15)) console.log(`  ${f.name.slice(0, 90).padEnd(90)} ${kb(f.bytes).padStart(10)}`);
}

/** The baseline page: its HTML (with its inline script and CSS) and `marked`. */
function baselineSizes() {
  const files = [join(root, 'benches', 'baseline', 'index.html'), MARKED];
  return files.map((f) => sizes(readFileSync(f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
}

const result = { ...distSizes(), baseline: baselineSizes() };
let profile = null;
try {
  profile = twiggy(namedWasm());
} catch (error) {
  console.error(`bench: no twiggy profile: ${error.message.split('\n')[0]}`);
}
print(result, profile);
writeFileSync(join(out, 'size.json'), JSON.stringify({ ...result, twiggy: profile }, null, 2));
