import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/next-path';

/**
 * Sends visitors without a session cookie to the login page, remembering the page they asked for
 * (?next=, checked by safeNextPath when used). Not a security boundary: every page and action
 * re-checks the account in the data-access layer.
 */
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  const asked = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (hasSession) {
    // The page being opened, for a session that turns out to have lapsed (requireUser sends it back here after login).
    const headers = new Headers(request.headers);
    headers.set(PATH_HEADER, asked);
    return NextResponse.next({ request: { headers } });
  }
  // An API call (a picker's search) gets an answer it can read, not the login page's HTML.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = asked === '/' ? '' : `?next=${encodeURIComponent(asked)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!login|api/auth|_next/static|_next/image|favicon.ico|fonts/).*)'],
};
