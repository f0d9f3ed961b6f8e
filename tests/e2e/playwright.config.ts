import { defineConfig } from '@playwright/test';

// The release build in dist/ is served from a sub-path (/dist/), which proves that its URLs
// are relative. Debian's Chromium is used; Playwright never downloads a browser here.
// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  timeout: 60_000,
  // A test that passes only on a second try is a failing test: never retry.
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/dist/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node ../../scripts/serve.mjs ../../dist ${port} /dist/`,
    url: `http://127.0.0.1:${port}/dist/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
