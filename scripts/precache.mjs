// Writes the service worker's precache list: every file of the build in `dir` (except sw.js),
// each with its SHA-256 as a Subresource Integrity string, and a build hash over them all that
// names the cache. Rewriting the list changes sw.js, which is how browsers notice a new build.
// Run by scripts/post-build.mjs after each release build; `node scripts/precache.mjs <dir>`
// rewrites the list of an existing site (the offline e2e test "deploys" a changed build so).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = 'sw.js';
const LIST_LINE = /^const BUILD = .*;(.*)$/m;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((path) => path !== WORKER)
    .sort();
}

export function writePrecache(dir) {
  const files = filesUnder(dir).map((path) => {
    const digest = createHash('sha256').update(readFileSync(join(dir, path))).digest('base64');
    return [path, `sha256-${digest}`];
  });
  if (!files.some(([path]) => path === 'index.html')) throw new Error(`no index.html in ${dir}`);
  const hash = createHash('sha256').update(files.map((f) => f.join(' ')).join('\n')).digest('hex').slice(0, 16);
  const worker = join(dir, WORKER);
  const source = readFileSync(worker, 'utf8');
  if (!LIST_LINE.test(source)) throw new Error(`${worker} has no "const BUILD = …;" line to fill`);
  const list = `const BUILD = ${JSON.stringify({ hash, files })};`;
  writeFileSync(worker, source.replace(LIST_LINE, (_, comment) => list + comment));
  return { hash, files: files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/precache.mjs <site-dir>');
  const { hash, files } = writePrecache(dir);
  console.log(`precache: ${files} files, build ${hash}`);
}
