// Writes the service worker's precache list: every file of the build in `dir` (except sw.js and
// the files fetched on demand), each with its SHA-256 as a Subresource Integrity string, and a
// build hash over them all that names the cache; and the list of the files fetched on demand
// (the PDF's fonts in fonts/, with their licences, the interface's catalogues in i18n/ and the
// wasm chunks of the split build in chunks/),
// which go into a second cache. Rewriting the list changes sw.js, which is how browsers notice a new build.
// Run by scripts/post-build.mjs after each release build; `node scripts/precache.mjs <dir>`
// rewrites the list of an existing site (the offline e2e test "deploys" a changed build so).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = 'sw.js';
const ON_DEMAND = ['fonts/', 'i18n/', 'chunks/'];
const listLine = (name) => new RegExp(`^const ${name} = .*;(.*)$`, 'm');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((path) => path !== WORKER)
    .sort();
}

/** Files with their integrity strings, and a hash over them all. */
function listOf(dir, paths) {
  const files = paths.map((path) => {
    const digest = createHash('sha256').update(readFileSync(join(dir, path))).digest('base64');
    return [path, `sha256-${digest}`];
  });
  const hash = createHash('sha256').update(files.map((f) => f.join(' ')).join('\n')).digest('hex').slice(0, 16);
  return { hash, files };
}

export function writePrecache(dir) {
  const paths = filesUnder(dir);
  const onDemand = (path) => ON_DEMAND.some((folder) => path.startsWith(folder));
  const build = listOf(dir, paths.filter((path) => !onDemand(path)));
  const later = listOf(dir, paths.filter(onDemand));
  if (!build.files.some(([path]) => path === 'index.html')) throw new Error(`no index.html in ${dir}`);
  const worker = join(dir, WORKER);
  let source = readFileSync(worker, 'utf8');
  for (const [name, list] of [['BUILD', build], ['ON_DEMAND', later]]) {
    const line = listLine(name);
    if (!line.test(source)) throw new Error(`${worker} has no "const ${name} = …;" line to fill`);
    source = source.replace(line, (_, comment) => `const ${name} = ${JSON.stringify(list)};${comment}`);
  }
  writeFileSync(worker, source);
  return { hash: build.hash, files: build.files.length, onDemand: later.files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/precache.mjs <site-dir>');
  const { hash, files, onDemand } = writePrecache(dir);
  console.log(`precache: ${files} files, build ${hash}; ${onDemand} files on demand`);
}
