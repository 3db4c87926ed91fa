import { defineConfig } from '@playwright/test';

// Chromium runs through Playwright (and through puppeteer-core where Playwright stops Chromium from
// prerendering); Firefox through puppeteer-core over WebDriver BiDi, inside the same runner so both
// browsers report in one place.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  projects: [
    { name: 'chromium', testMatch: /chromium\/.*\.spec\.ts$/ },
    { name: 'firefox', testMatch: /firefox\/.*\.spec\.ts$/ },
  ],
});
