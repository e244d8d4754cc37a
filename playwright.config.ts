import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { assertLocalDatabaseUrl } from './lib/test/local-database';

/**
 * Browser tests against a production build (`next build` first, see `npm run test:e2e`).
 * e2e/serve.ts gives the server a database of its own (PostgreSQL database hatnhan_e2e when
 * DATABASE_URL is set, a fresh PGlite folder otherwise), migrated and seeded with the demo data.
 * The specs share that database and run one at a time, in file order, after the published figures
 * (e2e/published.spec.ts), which need the demo data as seeded.
 */
// The e2e server drops and recreates a database: never on another machine.
if (process.env.DATABASE_URL) assertLocalDatabaseUrl(process.env.DATABASE_URL);

const E2E_PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${E2E_PORT}`;
// Debian's chromium where it exists (`playwright install` cannot run offline), else Playwright's own.
const systemChromium = '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: { executablePath },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    // The published figures are read off the demo data as seeded, before any spec changes it.
    { name: 'published', testMatch: /published\.spec\.ts/ },
    { name: 'chromium', testMatch: /.*\.spec\.ts/, testIgnore: [/published\.spec\.ts/, /e2e\/phone\/.*\.spec\.ts/], dependencies: ['setup', 'published'] },
    // A phone: Pixel 7's Chromium profile (touch, mobile viewport meta honoured) at 390×844.
    {
      name: 'phone',
      testMatch: /e2e\/phone\/.*\.spec\.ts/,
      dependencies: ['setup', 'published'],
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } },
    },
  ],
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `${baseURL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
