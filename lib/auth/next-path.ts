/**
 * Where to send a user after they log in: the page they asked for, when it is a page of this
 * site. Anything else ("//evil.example", "https://…", "/\\evil", control characters, the login
 * page itself, API routes) gives the home page, so a crafted link cannot send an official to
 * another site after they type their password.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, 'http://portal.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://portal.invalid') return '/';
  // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as another site.
  if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}`;
}

/** The request header the proxy sets to the page being opened, so a lapsed session can come back to it. */
export const PATH_HEADER = 'x-hatnhan-path';
