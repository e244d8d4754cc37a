import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { verifyLogin } from '@/lib/dal/login';
import { clientAddress, DEVICE_COOKIE, deviceToken, isKnownDevice } from './device';
import { KNOWN_DEVICE_DAYS, SESSION_MAX_AGE_SECONDS } from './policy';

class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}

// Refuse to serve without a secret in production (the build itself needs none).
if (process.env.NODE_ENV === 'production' && !process.env.AUTH_SECRET && process.env.NEXT_PHASE !== 'phase-production-build') {
  throw new Error('AUTH_SECRET must be set in production (openssl rand -base64 32).');
}

const credentials = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A wrong password is an expected answer, not a server error: keep it out of the logs.
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Secure cookies (__Secure-/__Host- names) in production; browsers also accept them from
  // http://localhost. HATNHAN_INSECURE_COOKIES=1 only for a trial on a plain-http intranet address.
  useSecureCookies: process.env.NODE_ENV === 'production' && process.env.HATNHAN_INSECURE_COOKIES !== '1',
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { cookies, headers } = await import('next/headers');
        const [jar, head] = await Promise.all([cookies(), headers()]);
        const username = parsed.data.username.trim().toLowerCase();
        const result = await verifyLogin(username, parsed.data.password, {
          client: clientAddress(head.get('x-forwarded-for')),
          knownDevice: isKnownDevice(jar.get(DEVICE_COOKIE)?.value, username),
        });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new ThrottledSignin();
          return null;
        }
        jar.set(DEVICE_COOKIE, deviceToken(username), {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: DEVICE_COOKIE.startsWith('__Host-'),
          maxAge: KNOWN_DEVICE_DAYS * 24 * 3600,
        });
        return { id: String(result.userId), name: result.fullName, sv: result.sessionVersion } as never;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number((user as { id: string }).id);
        token.sv = (user as unknown as { sv: number }).sv;
        // This session's own id: logging out ends it on the server (ended_sessions), not only in the browser.
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel in the token; the account is re-read (and re-checked) per request.
      return { ...session, user: { ...session.user, id: String(token.uid) }, sv: token.sv, sid: token.sid } as typeof session;
    },
  },
});
