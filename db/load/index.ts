/**
 * `npm run load` (issue 12): 50 simulated officials for 5 minutes against a production build on
 * PostgreSQL with the national bench data, the server running as the restricted application role,
 * with PostgreSQL restarted half-way. Prints requests, errors and p50/p95 per kind of request, how
 * long the portal took to answer again after the restart, and whether every acknowledged write is
 * in the database (and none is half there).
 *
 * Needs DATABASE_URL pointing at a local PostgreSQL server (a superuser: it creates the role
 * hatnhan_load_app) whose database hatnhan_bench holds the bench data (`npm run bench` makes it;
 * `BENCH_ONLY='^$' BENCH_APPROVALS=0 BENCH_JS=0 npm run bench` only generates). Loopback only.
 * Writes go into hatnhan_bench (workflow steps, papers, the officials' passwords): regenerate it
 * before timing approvals with `npm run bench`.
 *
 * Settings: LOAD_USERS (50), LOAD_SECONDS (300), LOAD_THINK_MS ("1000-3000", an official's pause
 * between requests), LOAD_MAX_REQUESTS (100000, a bound on the count), LOAD_RESTART (1: restart
 * PostgreSQL half-way with pg_ctlcluster when this machine runs it; 0: never), LOAD_SKIP_BUILD=1
 * to reuse `.next`.
 *
 * Each official signs in through the login form, then repeats, after a pause, one of: open the
 * inbox, open a case from it, search members by a common name, take the open workflow step on a
 * case, save a form (a paper attached to a case), open the dashboard, export it. Forms are posted
 * as a browser without JavaScript posts them (the form's own fields and action reference), with
 * the site's Origin.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { parse, type HTMLElement } from 'node-html-parser';
import { assertLocalDatabaseUrl } from '../../lib/test/local-database';
import { hashPassword } from '../../lib/auth/password';
import { ensureLoginRole, grantApplicationRole, roleUrl } from '../roles';

const run = promisify(execFile);
const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const [THINK_MIN, THINK_MAX] = (process.env.LOAD_THINK_MS ?? '1000-3000').split('-').map(Number);
const MAX_REQUESTS = Number(process.env.LOAD_MAX_REQUESTS ?? 100_000);
const RESTART = process.env.LOAD_RESTART !== '0';
const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_NAME = 'hatnhan_bench';
const APP_ROLE = 'hatnhan_load_app';
const APP_PASSWORD = 'hatnhan-load-app';
const root = process.cwd();
const log = (m: string) => console.log(`[load] ${m}`);

type Kind = 'login' | 'inbox' | 'case' | 'members' | 'step' | 'form' | 'dashboard' | 'export';
type Outcome = 'ok' | 'refused' | `http ${number}` | 'network';
type Sample = { kind: Kind; ms: number; outcome: Outcome; at: number };

const samples: Sample[] = [];
/** Why forms were refused, per kind: the form's message and its fields' errors, counted. */
const refusals = new Map<string, number>();
let requests = 0;
const started = Date.now();
let deadline = Date.now() + SECONDS * 1000;

/** One official's browser: a cookie jar and the last pages it read. */
class Official {
  cookies = new Map<string, string>();
  caseIds: number[] = [];
  exportHref: string | undefined;
  writes = 0;
  constructor(
    readonly index: number,
    readonly username: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sends one request and records it; answers the body (text) and status, or undefined on a network error. */
  async request(kind: Kind, url: string, init: RequestInit = {}): Promise<{ status: number; body: string; location: string | null } | undefined> {
    requests++;
    const t0 = performance.now();
    try {
      const res = await fetch(BASE + url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(), 'user-agent': `hatnhan-load/${this.index}` },
        signal: AbortSignal.timeout(60_000),
      });
      const body = kind === 'export' ? `${(await res.arrayBuffer()).byteLength}` : await res.text();
      this.keep(res);
      const ms = performance.now() - t0;
      const refused = res.status === 200 && body.includes('data-testid="form-error"');
      if (refused) {
        const html = parse(body);
        const reasons = [html.querySelector('[data-testid="form-error"]'), ...html.querySelectorAll('[data-testid^="error-"]')]
          .map((e) => (e ? `${e.getAttribute('data-testid')}: ${e.text.trim()}` : ''))
          .filter((x) => x && !x.endsWith(': '));
        const key = `${kind} — ${reasons.join(' | ')}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      }
      samples.push({ kind, ms, at: Date.now() - started, outcome: res.status >= 400 ? `http ${res.status}` : refused ? 'refused' : 'ok' });
      return { status: res.status, body, location: res.headers.get('location') };
    } catch {
      samples.push({ kind, ms: performance.now() - t0, at: Date.now() - started, outcome: 'network' });
      return undefined;
    }
  }

  /** Posts `form` (found on the page at `url`) as a browser without JavaScript would. */
  async submit(kind: Kind, url: string, form: HTMLElement, values: Record<string, string>) {
    return this.request(kind, url, { method: 'POST', body: formData(form, values), headers: { origin: BASE } });
  }

  async login(password: string): Promise<boolean> {
    const page = await this.request('login', '/login');
    const form = page && parse(page.body).querySelector('form[data-testid="login-form"]');
    if (!form) return false;
    const res = await this.submit('login', '/login', form, { username: this.username, password });
    return Boolean(res && res.status === 303 && [...this.cookies.keys()].some((k) => k.includes('session-token')));
  }

  async inbox(): Promise<void> {
    const page = await this.request('inbox', '/cases/inbox');
    if (!page) return;
    const ids = [...page.body.matchAll(/href="\/cases\/(\d+)"/g)].map((m) => Number(m[1]));
    if (ids.length) this.caseIds = ids;
  }

  private someCase(): number | undefined {
    return this.caseIds[Math.floor(Math.random() * this.caseIds.length)];
  }

  async openCase(): Promise<{ id: number; html: HTMLElement } | undefined> {
    const id = this.someCase();
    if (!id) return this.inbox().then(() => undefined);
    const page = await this.request('case', `/cases/${id}`);
    return page && page.status === 200 ? { id, html: parse(page.body) } : undefined;
  }

  async members(): Promise<void> {
    const q = NAMES[Math.floor(Math.random() * NAMES.length)];
    await this.request('members', `/members?q=${encodeURIComponent(q)}`);
  }

  /** The first open workflow step on a case from the inbox (not "return" or "reject", folded away). */
  async step(): Promise<void> {
    const opened = await this.openCase();
    const form = opened?.html.querySelector('details[open][data-testid^="action-"] form');
    if (!opened || !form) return;
    await this.submit('step', `/cases/${opened.id}`, form, {
      decisionNo: `${100 + this.index}-QĐ/ĐU`,
      votesFor: '9',
      eligible: '10',
      sponsors: 'Nguyễn Văn An, Trần Thị Bình',
      reason: 'Tải thử',
    });
  }

  /** Attaches a paper to a case: an acknowledged save must be in the database afterwards. */
  async saveForm(acknowledged: string[], failed: string[]): Promise<void> {
    const opened = await this.openCase();
    const form = opened?.html.querySelector('form[data-testid="attach-form"]');
    if (!opened || !form) return;
    const title = `Tải thử ${this.index}-${++this.writes} ${randomBytes(3).toString('hex')}`;
    const res = await this.submit('form', `/cases/${opened.id}`, form, { title, number: `${this.writes}/BB` });
    if (res && res.status === 200 && res.body.includes('data-testid="form-success"')) acknowledged.push(title);
    else failed.push(title);
  }

  async dashboard(): Promise<void> {
    const page = await this.request('dashboard', '/reports');
    const href = page && parse(page.body).querySelector('a[href^="/reports/export"]')?.getAttribute('href');
    if (href) this.exportHref = href.replace(/&amp;/g, '&');
  }

  async export(): Promise<void> {
    if (!this.exportHref) return this.dashboard();
    await this.request('export', this.exportHref);
  }
}

const NAMES = ['nguyen van', 'tran thi', 'le minh', 'pham', 'hoang thi', 'vo van', 'dang', 'bui thi', 'do van', 'ngo'];

/** The fields a browser sends for `form`: its own values, `values` for the empty ones it names, defaults for other required ones. */
function formData(form: HTMLElement, values: Record<string, string>): FormData {
  const data = new FormData();
  const today = new Date().toISOString().slice(0, 10);
  for (const el of form.querySelectorAll('input, select, textarea')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'select') {
      const options = el.querySelectorAll('option');
      // The selected option, or (an empty choice, as an official would not leave it) one of the others at random.
      const selected = options.find((o) => o.hasAttribute('selected'))?.getAttribute('value');
      const others = options.map((o) => o.getAttribute('value') ?? '').filter(Boolean);
      data.append(name, values[name] ?? (selected || others[Math.floor(Math.random() * others.length)] || ''));
    } else if (tag === 'textarea') {
      data.append(name, el.text || values[name] || (el.hasAttribute('required') ? 'Tải thử' : ''));
    } else if (type === 'checkbox' || type === 'radio') {
      if (el.hasAttribute('checked')) data.append(name, el.getAttribute('value') ?? 'on');
    } else if (type !== 'file' && type !== 'submit' && type !== 'button') {
      const own = el.getAttribute('value') ?? '';
      const fallback = type === 'date' ? today : type === 'number' ? '1' : 'Tải thử';
      data.append(name, own || values[name] || (el.hasAttribute('required') ? fallback : ''));
    }
  }
  return data;
}

const WEIGHTS: [Kind | 'case-view', number][] = [
  ['inbox', 22],
  ['case-view', 22],
  ['members', 18],
  ['step', 12],
  ['form', 12],
  ['dashboard', 9],
  ['export', 5],
];

function pick(): Kind | 'case-view' {
  let r = Math.random() * WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (const [kind, w] of WEIGHTS) if ((r -= w) < 0) return kind;
  return 'inbox';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));

async function officialLoop(o: Official, password: string, acknowledged: string[], failed: string[]): Promise<void> {
  await sleep(Math.random() * 5000); // officials arrive over the first seconds
  while (!(await o.login(password))) {
    if (Date.now() > deadline) return;
    await sleep(2000);
  }
  await o.inbox();
  while (Date.now() < deadline && requests < MAX_REQUESTS) {
    await think();
    const kind = pick();
    if (kind === 'inbox') await o.inbox();
    else if (kind === 'case-view') await o.openCase();
    else if (kind === 'members') await o.members();
    else if (kind === 'step') await o.step();
    else if (kind === 'form') await o.saveForm(acknowledged, failed);
    else if (kind === 'dashboard') await o.dashboard();
    else await o.export();
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(restartAt: number | undefined, restartDone: number | undefined): void {
  const kinds: Kind[] = ['login', 'inbox', 'case', 'members', 'step', 'form', 'dashboard', 'export'];
  const elapsed = (Date.now() - started) / 1000;
  console.log(`\n| kind | requests | ok | refused by the form | errors | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const kind of [...kinds, 'all' as const]) {
    const of = samples.filter((s) => kind === 'all' || s.kind === kind);
    const ms = of
      .filter((s) => s.outcome === 'ok' || s.outcome === 'refused')
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const errors = of.filter((s) => s.outcome !== 'ok' && s.outcome !== 'refused');
    const byOutcome = [...new Set(errors.map((e) => e.outcome))].map((o) => `${o}: ${errors.filter((e) => e.outcome === o).length}`).join(', ');
    console.log(
      `| ${kind} | ${of.length} | ${of.filter((s) => s.outcome === 'ok').length} | ${of.filter((s) => s.outcome === 'refused').length} | ${errors.length}${byOutcome ? ` (${byOutcome})` : ''} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${(ms.at(-1) ?? NaN).toFixed(0)} |`,
    );
  }
  if (refusals.size) {
    console.log('\nRefused by the form (the portal said why):');
    for (const [reason, n] of [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${n} × ${reason}`);
  }
  console.log(`\n${samples.length} requests in ${elapsed.toFixed(0)} s (${(samples.length / elapsed).toFixed(1)}/s) by ${USERS} officials`);
  if (restartAt !== undefined) {
    const windowErrors = samples.filter((s) => s.at >= restartAt && s.outcome !== 'ok' && s.outcome !== 'refused');
    const firstOkAfter = samples.filter((s) => s.at >= (restartDone ?? restartAt) && s.outcome === 'ok').sort((a, b) => a.at - b.at)[0];
    console.log(
      `PostgreSQL restarted at ${(restartAt / 1000).toFixed(0)} s (back at ${(((restartDone ?? restartAt) - restartAt) / 1000).toFixed(1)} s later); ` +
        `${windowErrors.length} requests failed from then on; the portal answered again ${firstOkAfter ? `${((firstOkAfter.at - restartAt) / 1000).toFixed(1)} s after the restart began, without its own restart` : 'NEVER'}`,
    );
  }
}

async function main(): Promise<void> {
  const server = assertLocalDatabaseUrl(process.env.DATABASE_URL);
  const benchUrl = new URL(server.toString());
  benchUrl.pathname = `/${DB_NAME}`;
  const admin = postgres(benchUrl.toString(), { max: 1, onnotice: () => {} });
  let next: ChildProcess | undefined;
  try {
    const [{ n }] = await admin<{ n: number }[]>`select count(*)::int as n from party_members`.catch(() => [{ n: 0 }]);
    if (n < 100_000) {
      console.error(`[load] ${DB_NAME} holds ${n} members: generate the bench data first (BENCH_ONLY='^$' BENCH_APPROVALS=0 BENCH_JS=0 npm run bench).`);
      process.exit(2);
    }
    log(`${DB_NAME}: ${n} members`);

    // Migrate as the owner, then grant the restricted role the server runs as.
    await ensureLoginRole(admin, APP_ROLE, APP_PASSWORD);
    const appUrl = roleUrl(benchUrl.toString(), APP_ROLE, APP_PASSWORD);
    await run(process.execPath, ['--import', 'tsx', 'db/migrate.ts'], { env: { ...process.env, DATABASE_URL: appUrl, DATABASE_OWNER_URL: benchUrl.toString() } });
    await grantApplicationRole((q) => admin.unsafe(q), APP_ROLE);

    // The officials: leaders of the cells and committees with the most cases, and the bench accounts above them.
    const units = await admin<{ username: string }[]>`
      (select 'l' || cell_unit_id as username from admission_cases where state not in ('official', 'removed', 'rejected') group by cell_unit_id order by count(*) desc limit ${Math.ceil(USERS * 0.5)})
      union all
      (select 'l' || committee_unit_id from admission_cases where committee_unit_id is not null group by committee_unit_id order by count(*) desc limit ${Math.ceil(USERS * 0.3)})
      union all
      (select username from users where username in ('bench.national', 'bench.province', 'bench.district', 'bench.bloc', 'bench.ward', 'bench.cell'))`;
    const usernames = [...new Set(units.map((u) => u.username))].slice(0, USERS);
    const password = `Load-${randomBytes(6).toString('hex')}`;
    const hash = await hashPassword(password);
    await admin`update users set password_hash = ${hash}, active = true where username in ${admin(usernames)}`;
    await admin`delete from login_failures`.catch(() => undefined);
    log(`${usernames.length} officials (${usernames.slice(0, 4).join(', ')}, …)`);

    if (process.env.LOAD_SKIP_BUILD !== '1' || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
      log('next build …');
      await run(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 << 20 });
    }
    mkdirSync(path.join(root, '.data'), { recursive: true });
    const serverLog = path.join(root, '.data', 'load-server.log');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: '',
      PGLITE_DIR: '',
      AUTH_SECRET: randomBytes(32).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      HATNHAN_CLOCK_FILE: '',
    };
    delete env.DATABASE_OWNER_URL;
    next = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = createWriteStream(serverLog);
    next.stdout!.pipe(out);
    next.stderr!.pipe(out);
    for (let i = 0; ; i++) {
      if (next.exitCode !== null) throw new Error(`the server exited (${next.exitCode}); see ${serverLog}`);
      const ok = await fetch(`${BASE}/login`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 120) throw new Error('the server did not answer within 60 s');
      await sleep(500);
    }
    log(`server up as ${APP_ROLE} on ${BASE} (log: ${path.relative(root, serverLog)}); ${USERS} officials for ${SECONDS} s, pauses ${THINK_MIN}–${THINK_MAX} ms`);

    const before = await admin<{ events: number; docs: number; audit: number }[]>`
      select (select max(id) from case_events)::int as events, (select max(id) from case_documents)::int as docs, (select max(id) from audit_log)::int as audit`;
    const acknowledged: string[] = [];
    const failed: string[] = [];
    deadline = Date.now() + SECONDS * 1000;
    const officials = usernames.map((u, i) => new Official(i, u));
    const loops = officials.map((o) => officialLoop(o, password, acknowledged, failed));

    let restartAt: number | undefined;
    let restartDone: number | undefined;
    const cluster = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort().at(-1) : undefined;
    if (RESTART && cluster) {
      await sleep((SECONDS * 1000) / 2);
      restartAt = Date.now() - started;
      log(`restarting PostgreSQL ${cluster} (pg_ctlcluster … restart -m fast) at ${(restartAt / 1000).toFixed(0)} s`);
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'restart', '-m', 'fast']);
      restartDone = Date.now() - started;
    } else if (RESTART) log('no local cluster to restart (pg_ctlcluster): skipping the restart');
    await Promise.all(loops);

    // Every acknowledged paper is there with its audit entry; a failed one is wholly there or wholly absent.
    const docs = await admin<{ title: string; audited: boolean }[]>`
      select d.title, exists (select 1 from audit_log a where a.action = 'admission.attach' and a.entity_id = d.case_id::text and (a.after->>'documentId')::int = d.id) as audited
      from case_documents d where d.id > ${before[0].docs ?? 0} and d.title like 'Tải thử %'`;
    const present = new Map(docs.map((d) => [d.title, d.audited]));
    const missing = acknowledged.filter((t) => !present.has(t));
    const half = docs.filter((d) => !d.audited).length;
    const committedUnanswered = failed.filter((t) => present.has(t)).length;
    const [after] = await admin<{ steps: number }[]>`
      select count(*)::int as steps from case_events where id > ${before[0].events ?? 0} and actor_id in (select id from users where username in ${admin(usernames)})`;
    await admin`select 1`; // the admin connection survived the restart too (postgres.js reconnects)

    report(restartAt, restartDone);
    console.log(
      `Writes: ${acknowledged.length} papers acknowledged, ${missing.length} of them missing; ${failed.length} not acknowledged, of which ${committedUnanswered} committed (answer lost) and ${failed.length - committedUnanswered} absent; ${half} half-written (a paper without its audit entry). ${after.steps} workflow steps recorded.`,
    );
    if (missing.length || half) process.exitCode = 1;
  } finally {
    if (next && next.exitCode === null) {
      next.kill('SIGTERM');
      await new Promise((r) => next!.once('exit', r));
    }
    await admin.end({ timeout: 5 });
  }
}

main().catch((err) => {
  console.error('[load]', err);
  process.exit(1);
});
