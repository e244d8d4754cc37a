import { NextResponse, type NextRequest } from 'next/server';

/**
 * Sends visitors without a session cookie to the login page. Not a security boundary: every
 * page and action re-checks the account in the data-access layer.
 */
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!login|api/auth|_next/static|_next/image|favicon.ico|fonts/).*)'],
};
