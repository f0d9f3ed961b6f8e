// Prints HTML files to PDF with Debian's Chromium, as a reader would with "Save as PDF".
// Usage: node scripts/print-html.mjs file.html [...]; writes file.chromium.pdf beside each.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
for (const file of process.argv.slice(2)) {
  await page.goto(`file://${file}`);
  await page.pdf({ path: file.replace(/\.html$/, '.chromium.pdf'), preferCSSPageSize: true });
}
await browser.close();
