/**
 * The JavaScript each page sends, gzip, from a production build: `next build` (skipped with
 * BENCH_SKIP_BUILD=1 when .next holds a build), a server on a fresh PGlite folder with the demo
 * data, and Chromium opening each page in a new context (a cold cache), summing the encoded
 * (transferred) size of every script response. Goal: ≤ 120 kB per page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const PORT = 3200;
const BASE = `http://localhost:${PORT}`;
const GOAL_KB = 120;
const root = process.cwd();

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function scriptBytes(browser: Browser, url: string, storage?: Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>): Promise<{ kb: number; files: number }> {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, number>();
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    if (types.get(e.requestId) === 'Script') scripts.set(e.requestId, e.encodedDataLength);
  });
  await page.goto(`${BASE}${url}`, { waitUntil: 'networkidle' });
  await context.close();
  const bytes = [...scripts.values()].reduce((s, n) => s + n, 0);
  return { kb: Math.round(bytes / 102.4) / 10, files: scripts.size };
}

export async function measurePageJs(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('[bench] next build for the JavaScript sizes');
    const built = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, env: { ...env, DATABASE_URL: '' }, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const dir = path.join(root, '.data', 'bench-js-pglite');
  rmSync(dir, { recursive: true, force: true });
  const serverEnv = { ...env, DATABASE_URL: '', PGLITE_DIR: dir, AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789', AUTH_TRUST_HOST: 'true' };
  const seeded = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/seed/index.ts'], { cwd: root, env: serverEnv, stdio: 'ignore' });
  if (seeded.status !== 0) throw new Error('demo seed failed');
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
  try {
    server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT)], { cwd: root, env: serverEnv, stdio: 'ignore' });
    await waitFor(`${BASE}/login`, 60_000);
    const login = await browser.newContext();
    const page = await login.newPage();
    await page.goto(`${BASE}/login`);
    await page.locator('input[name=username]').fill('mytho.leader');
    await page.locator('input[name=password]').fill('HatNhan@2026');
    await page.getByTestId('login-form').locator('button[type=submit]').click();
    await page.waitForURL(`${BASE}/`);
    await page.goto(`${BASE}/cases`);
    const caseHref = await page
      .locator('a[href^="/cases/"]')
      .filter({ hasNotText: /^$/ })
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/cases\/\d+$/.test(h ?? '')));
    const storage = await login.storageState();
    await login.close();
    const pages: [string, string, boolean][] = [
      ['login', '/login', false],
      ['home', '/', true],
      ['dashboard', '/reports', true],
      ['case', caseHref ?? '/cases', true],
      ['cases', '/cases', true],
      ['members', '/members', true],
      ['new member (pickers)', '/members/new', true],
      ['enterprises', '/enterprises', true],
    ];
    console.log(`\n## JavaScript per page (gzip, transferred; goal ≤ ${GOAL_KB} kB)\n`);
    console.log('| page | JavaScript | files | goal |\n|---|---|---|---|');
    for (const [label, url, signedIn] of pages) {
      const { kb, files } = await scriptBytes(browser, url, signedIn ? storage : undefined);
      console.log(`| ${label} (${url}) | ${kb} kB | ${files} | ${kb <= GOAL_KB ? '✓' : '✗'} |`);
    }
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
  }
}
