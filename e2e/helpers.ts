import path from 'node:path';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TREE } from '../db/seed/demo';

export { DEMO_PASSWORD };

/** The demo accounts the specs act as; auth.setup.ts logs each in once and keeps its cookies. */
export const AS = {
  /** The national administrator: the tree's one root, who manages the rule set and creates provinces. */
  rootAdmin: 'tw.admin',
  provinceAdmin: 'tinh.admin',
  cityAdmin: 'mytho.admin',
  cityLeader: 'mytho.leader',
  ward1Leader: 'p1.leader',
  ward4Leader: 'p4.leader',
  ward6Leader: 'p6.leader',
  cellLeader: 'cb.mekong',
  unionOfficer: 'cd.mekong',
  blocAdmin: 'khoi.admin',
  otherDistrictAdmin: 'chauthanh.admin',
} as const;
export type Username = (typeof AS)[keyof typeof AS];

export const authDir = path.join(import.meta.dirname, '.auth');
export const screenshotDir = path.join(import.meta.dirname, 'screenshots');

export function stateFile(username: string): string {
  return path.join(authDir, `${username}.json`);
}

export function account(username: string) {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found;
}

type Node = typeof DEMO_TREE;
function find(node: Node, code: string): Node | undefined {
  if (node.code === code) return node;
  for (const child of node.children ?? []) {
    const hit = find(child as Node, code);
    if (hit) return hit;
  }
  return undefined;
}

/** A demo unit's name by its seed code. */
export function unitName(code: string): string {
  const node = find(DEMO_TREE, code);
  if (!node) throw new Error(`no demo unit ${code}`);
  return node.name;
}

/** Vietnamese role labels, as the UI shows them. */
export const ROLE_VI = { viewer: 'Xem', officer: 'Cán bộ nghiệp vụ', leader: 'Lãnh đạo', admin: 'Quản trị' } as const;

/**
 * How far the page reaches sideways beyond the screen, in CSS pixels (0 when nothing does).
 * Measured against the layout viewport (`documentElement.clientWidth`): on a phone profile
 * (isMobile) Chromium zooms a too-wide page out to fit and `window.innerWidth` grows with it, so
 * `scrollWidth - innerWidth` stays 0 however wide the page is.
 */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** Fill and send the login form (the page must show it). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  // As a person would, once the page has finished loading (typing into a form React is still
  // hydrating can lose the text on a loaded machine; without JavaScript the form works as well).
  await hydrated(page);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
}

/** Log in through the form and wait for the home page. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  // The first sign-in after the server starts verifies a password hash and warms the database: on a loaded machine it takes more than the usual 10 s.
  await expect(page).toHaveURL('/', { timeout: 30_000 });
  // Attached, not visible: on a phone the user box sits in the folded menu.
  await expect(page.getByTestId('current-user')).toBeAttached();
}

/** A page in a new browser context, signed in through the login form (for accounts auth.setup does not keep). */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await logIn(page, username);
  return page;
}

/** A page in a new browser context signed in as a demo account (its saved session). */
export async function pageAs(browser: Browser, username: Username): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(username) });
  return context.newPage();
}

/** The numeric id at the end of a /units/<id> or /users/<id> link. */
export async function idFromLink(page: Page, linkText: string): Promise<number> {
  // includeHidden: the home page folds a long list of units below under a <details>.
  const href = await page.getByRole('link', { name: linkText, exact: true, includeHidden: true }).first().getAttribute('href');
  const id = Number(/\/(\d+)(?:\?.*)?$/.exec(href ?? '')?.[1]);
  if (!Number.isInteger(id)) throw new Error(`no id in link "${linkText}" (${href})`);
  return id;
}

/**
 * Wait until client components have hydrated: forms with a confirmation dialog only ask once
 * React handles their submit event.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A picker by its label as written (a required one's name ends in " *"). */
export function pickerNamed(label: string | RegExp): RegExp {
  return typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}( \\*)?$`) : label;
}

/** A picker's option by the name it shows first (the line under it names the unit above, to tell two alike apart). */
export function optionNamed(name: string | RegExp): RegExp {
  return typeof name === 'string' ? new RegExp(`^${escapeRegExp(name)}(\\s|$)`) : name;
}

/**
 * Choose in a searchable picker as a person does: type a few letters (without diacritics, as
 * most officials type on a phone) into the combobox labelled `label`, wait for the matches the
 * server finds, and click the option named `option`.
 */
export async function pick(scope: Page | Locator, label: string | RegExp, typed: string, option: string | RegExp): Promise<void> {
  const box = scope.getByRole('combobox', { name: pickerNamed(label) });
  await box.click();
  await box.fill(typed);
  const choice = scope.getByRole('option', { name: optionNamed(option) }).first();
  await expect(choice).toBeVisible();
  await choice.click();
}

/** A referral as a union officer types it on /cases/new (dates dd/mm/yyyy). */
export type Referral = { fullName: string; birthDate: string; sex: 'male' | 'female'; workplace: string; cellTyped: string; cell: string; certificateOn?: string };

/** Open /cases/new, fill the referral form as a person does, save the draft; returns the form (to read a refusal). */
export async function referCandidate(page: Page, r: Referral): Promise<Locator> {
  await page.goto('/cases/new');
  const form = page.getByTestId('referral-form');
  await form.getByLabel('Họ và tên').fill(r.fullName);
  await form.getByLabel('Ngày sinh').fill(r.birthDate);
  await form.getByLabel('Giới tính').selectOption(r.sex);
  await form.getByLabel('Doanh nghiệp, nơi làm việc').fill(r.workplace);
  await pick(form, 'Chi bộ tiếp nhận, giúp đỡ', r.cellTyped, r.cell);
  if (r.certificateOn) await form.getByLabel('Ngày cấp giấy chứng nhận').fill(r.certificateOn);
  await form.getByRole('button', { name: 'Lưu hồ sơ nháp' }).click();
  return form;
}

/** Files as officials make them (e2e/fixtures): a PDF scan saved by LibreOffice, a phone photo, a .docx draft. */
export const FIXTURES = {
  scanPdf: path.join(import.meta.dirname, 'fixtures', 'don-xin-vao-dang.pdf'),
  phonePhoto: path.join(import.meta.dirname, 'fixtures', 'anh-chup-ly-lich.jpg'),
  draftDocx: path.join(import.meta.dirname, 'fixtures', 'ban-nhap-nghi-quyet.docx'),
} as const;

/**
 * Attach a paper on the case page as an officer does: open "Đính kèm tài liệu", choose the kind,
 * pick the file(s), send; waits until the paper is listed with its file.
 */
export async function attachPaper(page: Page, kind: string, files: string | string[], title?: string): Promise<void> {
  const details = page.locator('details', { has: page.getByTestId('attach-form') });
  if ((await details.getAttribute('open')) === null) await details.locator('summary', { hasText: 'Đính kèm tài liệu' }).click();
  const form = page.getByTestId('attach-form');
  await form.getByLabel('Loại tài liệu').selectOption({ label: kind });
  if (title) await form.getByLabel('Tên, trích yếu').fill(title);
  await form.getByLabel('Tệp scan, ảnh chụp hoặc bản Word').setInputFiles(files);
  const before = await page.getByTestId('case-paper').count();
  await form.getByRole('button', { name: 'Đính kèm', exact: true }).click();
  await expect(page.getByTestId('case-paper')).toHaveCount(before + 1);
  await expect(page.getByTestId('case-paper').last()).toContainText(path.basename(Array.isArray(files) ? files[0] : files));
}
