import { EditorPage } from '../pages/editor';
import { allowErrors, expect, test } from '../support/test';

test('the app runs under a strict Content-Security-Policy with zero violations', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const editor = new EditorPage(page);
  await editor.gotoStart();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  // The service worker and the web app manifest come from the site itself.
  expect(policy).toContain("worker-src 'self'");
  expect(policy).toContain("manifest-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);

  await editor.create('New BPF proposal');
  await editor.title.fill('Local Content <img src=x onerror=alert(1)>');
  await editor.section('Proposed Theme/Issue for the BPF').fill('**Bold** [link](https://example.org) <script>alert(1)</script> ![i](https://example.org/x.png)');
  await editor.addPerson('Amina Diallo', 'Government', true);
  await editor.exportButton.click();
  for (const label of ['PDF (.pdf)', 'Word document (.docx)', 'Web page (.html)', 'Markdown (.md)', 'Plain text (.txt)', 'Draft file (.json)']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: label }).click();
    await download;
  }
  await page.keyboard.press('Escape');
  const library = await editor.backToDrafts();
  await (await library.import({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('## Goals\n\nMore.') })).importAsNewDraft();
  // The service worker registered and cached the build under the same policy.
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

  // Control: the detector does see a violation when one happens (and Chromium reports it).
  allowErrors(/^Loading the image 'https:\/\/example\.org\/blocked\.png' violates the following Content Security Policy directive: "img-src 'self'"/);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://example.org/blocked.png';
    document.body.append(img);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations.length)).toBe(1);
});
