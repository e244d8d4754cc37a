import postgres from 'postgres';

/**
 * Two PostgreSQL roles (issue 12): the owner, which runs the migrations and the seed scripts and
 * owns every table, and the application role, which the running portal connects as. The
 * application role owns nothing, may not create objects, alter tables or switch triggers off, and
 * may only INSERT and SELECT on `audit_log`, so a compromised portal cannot rewrite history
 * (`SET session_replication_role = replica` and `ALTER TABLE … DISABLE TRIGGER` need the owner or a
 * superuser).
 *
 * Configuration: `DATABASE_URL` names the application role; `DATABASE_OWNER_URL` (scripts only:
 * `db:migrate`, `db:seed`, `db:backup`, `db:restore`, never the server) names the owner. When both are set, the
 * scripts connect as the owner and, after migrating, grant the application role what it needs
 * (`grantApplicationRole`), every time, so that tables added by a migration are covered.
 * PGlite is embedded (the portal's process is its only client) and has no roles to separate.
 */

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The name of a role as a quoted identifier; throws on anything but lower-case letters, digits and "_". */
function roleIdent(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`unsupported role name "${role}" (lower-case letters, digits and "_" only)`);
  return `"${role}"`;
}

/** The user name of a postgres:// URL ('' when it has none). */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * For a script that migrates or seeds: when `DATABASE_OWNER_URL` is set, points `DATABASE_URL` at
 * it (the owner) and returns the application role's name (the user of the former `DATABASE_URL`),
 * to be granted its privileges once the migrations have run. Returns undefined when there is no
 * separate owner (PGlite, or a single role in development).
 */
export function switchToOwnerConnection(): string | undefined {
  const app = process.env.DATABASE_URL;
  const owner = process.env.DATABASE_OWNER_URL;
  if (!owner) return undefined;
  // The owner alone (no application role named yet): migrate PostgreSQL, never a PGlite folder.
  process.env.DATABASE_URL = owner;
  if (!app) return undefined;
  const role = urlUser(app);
  return role && role !== urlUser(owner) ? role : undefined;
}

/**
 * Run as the owner after the migrations: lets `role` read and write the records (SELECT, INSERT,
 * UPDATE, DELETE on every table of schema public, and the sequences), except `audit_log`, where it
 * gets SELECT and INSERT only. No TRUNCATE, REFERENCES or TRIGGER anywhere; no CREATE on the
 * schema. Idempotent. `exec` runs one SQL string (postgres.js `sql.unsafe`).
 */
export async function grantApplicationRole(exec: (query: string) => Promise<unknown>, role: string): Promise<void> {
  const r = roleIdent(role);
  await exec(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await exec(`REVOKE CREATE ON SCHEMA public FROM ${r}`);
  await exec(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await exec(`REVOKE UPDATE, DELETE ON TABLE audit_log FROM ${r}`);
  await exec(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
}

/**
 * Creates a login role with no other attribute (not a superuser, cannot create roles or
 * databases) unless it exists. For tests and the load suite; production roles are created by the
 * operator (README). Safe when several test processes race to create it.
 */
export async function ensureLoginRole(admin: postgres.Sql, role: string, password: string): Promise<void> {
  const r = roleIdent(role);
  if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error('test role passwords are letters, digits, "_" and "-"');
  await admin.unsafe(
    `DO $$ BEGIN CREATE ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}';
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
}

/** `url` with its user, password and database replaced. */
export function roleUrl(url: string, role: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/** Why the connected role may not run the portal in production ([] when it may). English, for the operator's log. */
export const ROLE_PROBLEMS_SQL = `
  with powers as (
    -- The role itself and every role it may act as (SET ROLE, inherited privileges).
    select r.* from pg_roles r where pg_has_role(current_user, r.oid, 'MEMBER')
  )
  select array_remove(array[
    case when exists (select 1 from powers where rolsuper) then 'is a superuser, or may become one' end,
    case when exists (select 1 from powers where rolcreaterole) then 'may create roles, or become a role that may (CREATEROLE can grant itself the owner''s role)' end,
    case when exists (select 1 from powers where rolbypassrls) then 'bypasses row-level security' end,
    case when exists (select 1 from powers where rolname in ('pg_execute_server_program', 'pg_write_server_files', 'pg_read_server_files'))
      then 'may run programs or read and write files on the database server' end,
    case when pg_has_role(current_user, d.datdba, 'MEMBER') then 'owns the database (or is a member of its owner)' end,
    case when exists (
      select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
        and pg_has_role(current_user, c.relowner, 'MEMBER')) then 'owns tables (or is a member of their owner)' end,
    case when exists (
      select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_temp%' and pg_has_role(current_user, p.proowner, 'MEMBER')) then 'owns functions (trigger functions among them)' end,
    case when has_schema_privilege('public', 'CREATE') then 'may create objects in schema public' end,
    case when has_database_privilege(current_database(), 'TEMPORARY') then 'may create temporary tables (which can capture unqualified names in trigger functions)' end,
    case when has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE')
      or has_table_privilege('audit_log', 'TRUNCATE') or has_table_privilege('audit_log', 'TRIGGER') then 'may update, delete or truncate audit_log' end,
    case when has_parameter_privilege('session_replication_role', 'SET') then 'may set session_replication_role' end
  ], null) as problems
  from pg_database d
  where d.datname = current_database()`;

/** The reasons (English) why the role `url` connects as may not run the portal; [] when it may. */
export async function roleProblems(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql.unsafe<{ problems: string[] }[]>(ROLE_PROBLEMS_SQL);
    return row?.problems ?? ['cannot read its own attributes'];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Why the server must not start with these settings ([] when it may): the problems of
 * DATABASE_URL's role (ROLE_PROBLEMS_SQL), and the owner's URL in the server's environment. Always
 * [] without DATABASE_URL (PGlite is embedded: the portal's process is its only client).
 */
type DatabaseEnv = { DATABASE_URL?: string; DATABASE_OWNER_URL?: string };

export async function startupProblems(env: DatabaseEnv = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_OWNER_URL: process.env.DATABASE_OWNER_URL }): Promise<string[]> {
  const url = env.DATABASE_URL;
  if (!url) return [];
  const problems = (await roleProblems(url)).map((p) => `the role in DATABASE_URL ${p}`);
  if (env.DATABASE_OWNER_URL) problems.push("DATABASE_OWNER_URL (the owner's credentials) is in the server's environment");
  return problems;
}

/**
 * The server's start-up check (instrumentation.ts): in production, exits the process with the
 * reasons when startupProblems() finds any, or when the database cannot be asked. Nothing in
 * development or during `next build`.
 */
export async function refuseUnsafeRoleAtStartup(): Promise<void> {
  if (process.env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
  let problems: string[];
  try {
    problems = await startupProblems();
  } catch (err) {
    // Serving under a role nobody checked is what this refuses; a supervisor restarts the server.
    console.error('[hatnhan] refusing to start: cannot check the database role DATABASE_URL connects as:', err);
    process.exit(1);
  }
  if (problems.length > 0) {
    console.error(
      `[hatnhan] refusing to start: ${problems.join('; ')}.\n` +
        'Run the portal as a role that owns nothing and migrate as the owner (DATABASE_OWNER_URL, scripts only); see README.md, "PostgreSQL in production".',
    );
    process.exit(1);
  }
}
