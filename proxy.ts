import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/next-path';

/**
 * Every request passes here first.
 *
 * 1. A state-changing request (anything but GET, HEAD, OPTIONS) must carry an Origin header naming
 *    this site, or it is refused with 403 before any action runs (a forged cross-site post, or a
 *    script without one). This site is HATNHAN_ORIGIN when set (e.g. https://hatnhan.example.vn),
 *    otherwise the Host header the request arrived with; X-Forwarded-Host counts only
 *    when HATNHAN_TRUST_PROXY=1 (the portal behind a named reverse proxy that sets them).
 * 2. Visitors without a session cookie are sent to the login page, remembering the page they asked
 *    for (?next=, checked by safeNextPath when used). Not a security boundary: every page and
 *    action re-checks the account in the data-access layer.
 */
export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
    return new NextResponse('Yêu cầu bị từ chối: không đến từ trang của hệ thống.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const path = request.nextUrl.pathname;
  if (path === '/login' || path.startsWith('/login/') || path.startsWith('/api/auth/')) return NextResponse.next();
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  const asked = `${path}${request.nextUrl.search}`;
  if (hasSession) {
    // The page being opened, for a session that turns out to have lapsed (requireUser sends it back here after login).
    const headers = new Headers(request.headers);
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
  matcher: ['/((?!_next/static|_next/image|favicon.ico|fonts/).*)'],
};
