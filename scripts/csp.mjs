// The release page's Content-Security-Policy (run from scripts/post-build.mjs). The only inline
// script is Trunk's loader, allowed by its hash; no 'unsafe-inline', no 'unsafe-eval'
// ('wasm-unsafe-eval' lets WebAssembly compile). The service worker and the web app manifest
// come from the site itself.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function addPolicy(dir) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) throw new Error(`expected one inline loader script, found ${scripts.length}`);
  const hash = createHash('sha256').update(scripts[0][1]).digest('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  if (!html.includes('Content-Security-Policy')) throw new Error('could not place the policy');
  writeFileSync(file, html);
}
