// Splits the editor's wasm into the first load and the chunks loaded on demand (run from
// scripts/post-build.mjs when the release build was compiled with `--cfg wasm_split`, as
// `make dist` does). Trunk has already run wasm-bindgen and wasm-opt on the unsplit module, so
// this redoes that part from cargo's output, which keeps its relocations (`--emit-relocs`):
//
// 1. wasm-split-cli cuts the module at every `on_demand!` function (src/ui/chunk.rs) into the
//    main module, one wasm file per split point (and shared chunks), and a small JS module that
//    fetches and links a chunk when its function is first called;
// 2. wasm-bindgen (with --keep-lld-exports, which the chunks link against) makes the main
//    module's JS under Trunk's own hashed name, so Trunk's loader in index.html stays as it is;
// 3. wasm-opt, at the level index.html asks of Trunk, shrinks the main module and every chunk;
// 4. each chunk is named by its content hash under chunks/ (which the service worker fetches
//    on demand, see scripts/precache.mjs), and the JS module likewise;
// 5. index.html's integrity strings for the main JS and wasm are written anew.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SPLITTER = join(ROOT, 'target', 'tools', 'wasm-split', 'bin', 'wasm-split-cli');
const CHUNKS = 'chunks';

/** True when the build was compiled for splitting (see the Makefile's `dist`). */
export const splitBuild = () => /--cfg[= ]?wasm_split\b/.test(process.env.RUSTFLAGS ?? '');

const digest = (bytes, algorithm, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const run = (program, args) => execFileSync(program, args, { stdio: ['ignore', 'pipe', 'inherit'] });

/** Trunk's hashed stem of the editor's files ("igf-proposal-editor-<hash>"), from its loader. */
function trunkStem(html) {
  const stem = html.match(/import init, \* as bindings from '\.\/(igf-proposal-editor-[0-9a-f]+)\.js'/)?.[1];
  if (!stem) throw new Error("split: index.html has no Trunk loader for igf-proposal-editor's JS");
  return stem;
}

/** The wasm-opt level index.html gives the editor's wasm (data-wasm-opt), as Trunk reads it. */
export function optLevel() {
  const link = readFileSync(join(ROOT, 'index.html'), 'utf8').match(/<link[^>]*data-bin="igf-proposal-editor"[^>]*>/)?.[0] ?? '';
  return link.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
}

/** Cargo's wasm of the editor, as the release build left it. */
export const cargoWasm = () => join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'wasm32-unknown-unknown', 'release', 'igf-proposal-editor.wasm');

/** Cuts `input` into `work`: wasm-split-cli's chunks and loader, and the main module through
 * wasm-bindgen in `work/bound` (`<stem>.js`, `<stem>_bg.wasm`, not yet optimized). Returns
 * the chunks' file names. */
export function cut(input, work, stem) {
  run(SPLITTER, [input, work, '--target', 'web', '--out-name', stem]);
  const chunkFiles = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (!chunkFiles.some((f) => f.startsWith('split_'))) {
    throw new Error(`split: ${input} has no split points; was it built with --cfg wasm_split and the chunks feature (build.rs then keeps its relocations)?`);
  }
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-name', stem, '--out-dir', join(work, 'bound'), join(work, `${stem}.wasm`)]);
  return chunkFiles;
}

export function split(staging) {
  const indexPath = join(staging, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const stem = trunkStem(html);
  const work = mkdtempSync(join(tmpdir(), 'igf-split-'));
  try {
    const chunkFiles = cut(cargoWasm(), work, stem);
    const bound = join(work, 'bound');
    const level = `-O${optLevel()}`;
    run('wasm-opt', [level, join(bound, `${stem}_bg.wasm`), '-o', join(staging, `${stem}_bg.wasm`)]);

    // The chunks, named by their content under chunks/, and the JS module that loads them.
    mkdirSync(join(staging, CHUNKS), { recursive: true });
    let linker = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    const named = [];
    for (const file of chunkFiles) {
      const optimized = join(work, `opt-${file}`);
      run('wasm-opt', [level, join(work, file), '-o', optimized]);
      const bytes = readFileSync(optimized);
      const name = `${CHUNKS}/${file.replace(/\.wasm$/, '')}-${digest(bytes, 'sha256', 'hex').slice(0, 16)}.wasm`;
      writeFileSync(join(staging, name), bytes);
      const reference = `"./${file}"`;
      if (!linker.includes(reference)) throw new Error(`split: the chunk loader never names ${file}`);
      linker = linker.replaceAll(reference, `"./${name}"`);
      named.push(name);
    }
    const linkerName = `${stem}-chunks-${digest(linker, 'sha256', 'hex').slice(0, 16)}.js`;
    writeFileSync(join(staging, linkerName), linker);

    let glue = readFileSync(join(bound, `${stem}.js`), 'utf8');
    // Only the JS imports are renamed: the wasm's own import module keeps its name.
    if (!glue.includes('from "./__wasm_split.js"')) throw new Error("split: wasm-bindgen's JS does not import the chunk loader");
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${linkerName}"`);
    writeFileSync(join(staging, `${stem}.js`), glue);

    // The preloads Trunk wrote carry the unsplit files' hashes.
    for (const file of [`${stem}.js`, `${stem}_bg.wasm`]) {
      const integrity = `sha384-${digest(readFileSync(join(staging, file)), 'sha384', 'base64')}`;
      const link = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
      if (!link.test(html)) throw new Error(`split: index.html has no preload of ${file} with an integrity string`);
      html = html.replace(link, `$1${integrity}$2`);
    }
    writeFileSync(indexPath, html);
    return named;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
