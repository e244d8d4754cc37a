import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/next-path';

/**
 * Every request passes here first.
 *
 * 1. A state-changing request (anything but GET, HEAD, OPTIONS) must carry an Origin header naming
 *    this site, or it is refused with 403 before any action runs (a forged cross-site post, or a
 *    script without one). This site is HATNHAN_ORIGIN when set (e.g. https://hatnhan.example.vn),
 *    otherwise the Host header the request arrived with; X-Forwarded-Host counts only when
 *    HATNHAN_TRUST_PROXY=1 (the portal behind a named reverse proxy that sets it).
 * 2. Every page gets a Content Security Policy with a fresh nonce: scripts run only when Next
 *    marked them with it (or they were loaded by one that was: 'strict-dynamic'); no inline script
 *    an attacker could slip into a page runs. Pages read the nonce from x-nonce if they need it.
 * 3. Visitors without a session cookie are sent to the login page, remembering the page they asked
 *    for (?next=, checked by safeNextPath when used). Not a security boundary: every page and
 *    action re-checks the account in the data-access layer.
 */
export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
    return new NextResponse('Yêu cầu bị từ chối: không đến từ trang của hệ thống.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = route(request, headers);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function route(request: NextRequest, headers: Headers): NextResponse {
  const path = request.nextUrl.pathname;
  if (path === '/login' || path.startsWith('/login/') || path.startsWith('/api/auth/')) return NextResponse.next({ request: { headers } });
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  const asked = `${path}${request.nextUrl.search}`;
  if (hasSession) {
    // The page being opened, for a session that turns out to have lapsed (requireUser sends it back here after login).
    headers.set(PATH_HEADER, asked);
    return NextResponse.next({ request: { headers } });
  }
  // An API call (a picker's search) gets an answer it can read, not the login page's HTML.
  if (path.startsWith('/api/')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = asked === '/' ? '' : `?next=${encodeURIComponent(asked)}`;
  return NextResponse.redirect(url);
}

/** The policy of every page: scripts only with this request's nonce; the development server also needs eval. */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Does the request's Origin name this site (see the header)? An absent Origin does not. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  const configured = process.env.HATNHAN_ORIGIN?.replace(/\/+$/, '');
  if (configured) return origin === configured;
  const trustProxy = process.env.HATNHAN_TRUST_PROXY === '1';
  const host = (trustProxy && request.headers.get('x-forwarded-host')?.split(',')[0].trim()) || request.headers.get('host');
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|fonts/|icons/|manifest.webmanifest).*)'],
};
