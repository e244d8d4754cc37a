/**
 * Tests create and drop databases and write demo accounts: they must only ever touch a server
 * on this machine. Kept free of database imports so Playwright's config and scripts can use it.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  // A Unix-domain socket directory is local by definition.
  return LOCAL_HOSTS.has(h) || h.startsWith('/');
}

/**
 * Throws unless `url` is a postgres:// or postgresql:// URL whose every host is localhost,
 * 127.0.0.1 or ::1 (a `host=` query parameter, which postgres.js and libpq honour, included).
 * Returns the parsed URL.
 */
export function assertLocalDatabaseUrl(url: string | undefined): URL {
  if (!url) throw new Error('Refusing to run tests: no database URL given.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Refusing to run tests: the database URL cannot be parsed.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error(`Refusing to run tests: unsupported database URL scheme "${parsed.protocol}".`);
  // Multi-host URLs ("h1,h2") parse as one hostname containing a comma: refused below.
  if (!parsed.hostname || !isLocalHost(parsed.hostname)) throw new Error(`Refusing to run tests against "${parsed.hostname || '(no host)'}": only localhost, 127.0.0.1 or ::1 are allowed.`);
  for (const key of ['host', 'hostaddr']) {
    for (const value of parsed.searchParams.getAll(key)) {
      for (const host of value.split(',')) {
        if (!isLocalHost(host)) throw new Error(`Refusing to run tests against ${key}="${host}": only local servers are allowed.`);
      }
    }
  }
  return parsed;
}
