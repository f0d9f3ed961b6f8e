// Renders the PNG icons of the web app manifest from style/icon.svg with Chromium. Run once
// when the icon changes (the PNGs are committed): `node scripts/icons.mjs`, after
// `scripts/setup.sh test` (it uses the end-to-end tests' Playwright and Debian's Chromium).
// "any" icons keep the rounded square; maskable and Apple touch icons fill the whole square
// (the platform cuts its own shape) with the glyph inside the central safe zone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');

const svg = readFileSync(new URL('../style/icon.svg', import.meta.url), 'utf8');
const background = /<rect [^>]*fill="([^"]+)"[^>]*\/>/.exec(svg);
if (!background) throw new Error('style/icon.svg: expected a background <rect> with a fill');
const glyph = svg.slice(svg.indexOf(background[0]) + background[0].length, svg.lastIndexOf('</svg>'));
// The glyph, scaled about the centre of the 64-unit canvas so that it fits the safe zone.
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background[1]}"/>` +
  `<g transform="translate(32 32) scale(${scale}) translate(-33 -33)">${glyph}</g></svg>`;

const icons = [
  ['static/icons/icon-192.png', 192, svg],
  ['static/icons/icon-512.png', 512, svg],
  ['static/icons/maskable-512.png', 512, fullBleed(0.72)],
  ['static/icons/apple-touch-icon.png', 180, fullBleed(0.86)],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [path, size, source] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.screenshot({ path: new URL(`../${path}`, import.meta.url).pathname, omitBackground: true });
  await page.close();
  console.log(`icons: ${path} (${size}×${size})`);
}
await browser.close();
