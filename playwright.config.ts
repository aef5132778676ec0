// End-to-end tests. Browser mode runs in Debian's Chromium (/usr/bin/chromium; Playwright's
// own browser downloads are not used); the Electron spec runs where an Electron binary exists
// and is skipped, with the reason, elsewhere. scripts/e2e.mjs builds first and runs this.
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: process.env.PODUNIT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./e2e/shell/summary-reporter.ts']],
  use: { trace: 'off', launchOptions: chromium },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/shell',
      testIgnore: /electron\.spec\.ts$/,
      timeout: 60_000,
      use: { viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      name: 'inspector',
      testDir: 'e2e/inspector',
      testMatch: /.*\.spec\.ts$/,
      timeout: 90_000,
      expect: { timeout: 15_000 },
      use: { viewport: { width: 1440, height: 900 }, colorScheme: 'light', launchOptions: chromium },
    },
    {
      name: 'electron',
      testDir: 'e2e/shell',
      testMatch: /electron\.spec\.ts$/,
      timeout: 60_000,
    },
  ],
});
