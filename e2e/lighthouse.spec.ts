import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { AS, stateFile } from './helpers';

/**
 * Lighthouse (pinned in package.json) on the pages a leader opens first, with its default mobile
 * profile (a mid-range phone, throttled): accessibility must score at least 95; the performance
 * score is printed in the log (it depends on the machine, so it is reported, not asserted).
 */
const PAGES = ['/', '/cases/inbox', '/reports'];
const PORT = 9300 + (Number(process.env.E2E_PORT || 3100) % 100);

test.setTimeout(300_000);

test('[LIGHTHOUSE] the home page, the inbox and the dashboard on a phone: accessibility at least 95', async ({ baseURL }) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'hatnhan-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    headless: true,
    args: [`--remote-debugging-port=${PORT}`, '--no-sandbox'],
  });
  try {
    // Signed in as a ward leader (auth.setup.ts keeps the cookies): Lighthouse opens its tab in this browser.
    const state = JSON.parse(readFileSync(stateFile(AS.ward4Leader), 'utf8')) as { cookies: Parameters<typeof context.addCookies>[0] };
    await context.addCookies(state.cookies);
    const failures: string[] = [];
    for (const page of PAGES) {
      const run = await lighthouse(`${baseURL}${page}`, {
        port: PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance'],
        // Keep the session's cookies (by default Lighthouse clears the origin's storage first).
        disableStorageReset: true,
      });
      const lhr = run!.lhr;
      expect(lhr.finalDisplayedUrl, `${page} opened signed in`).not.toContain('/login');
      const accessibility = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
      const performance = Math.round((lhr.categories.performance.score ?? 0) * 100);
      console.log(`[lighthouse] ${page}: accessibility ${accessibility}, performance ${performance}`);
      if (accessibility < 95) {
        const failed = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => `${a.id}: ${a.title}`);
        failures.push(`${page}: ${accessibility} (${failed.join('; ')})`);
      }
    }
    expect(failures, 'pages under 95 for accessibility').toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
