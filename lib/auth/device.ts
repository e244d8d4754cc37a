import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A "known device": after a successful login the browser keeps a signed cookie naming the account
 * (HMAC-SHA256 with AUTH_SECRET). Logins for that account from that browser are not refused when
 * others' failed guesses have locked the account to unknown devices, so guessing cannot lock an
 * official out of their own computer or phone.
 */
export const DEVICE_COOKIE = process.env.NODE_ENV === 'production' && process.env.HATNHAN_INSECURE_COOKIES !== '1' ? '__Host-hn-device' : 'hn-device';

function signature(username: string): string {
  return createHmac('sha256', process.env.AUTH_SECRET || 'hatnhan-development-secret')
    .update(`device:${username}`)
    .digest('base64url');
}

/** The cookie value for an account. */
export function deviceToken(username: string): string {
  return `${Buffer.from(username).toString('base64url')}.${signature(username)}`;
}

/** Does the cookie value show this browser signed in to `username` before? */
export function isKnownDevice(token: string | undefined, username: string): boolean {
  if (!token) return false;
  const [name, sig] = token.split('.');
  if (!name || !sig || Buffer.from(name, 'base64url').toString() !== username) return false;
  const expected = Buffer.from(signature(username));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The client's address for throttling: the last X-Forwarded-For entry, which is the connection's
 * own address (Next sets it when the request has none) or, behind a reverse proxy that appends
 * the client it saw (HATNHAN_TRUST_PROXY=1), that client. Without such a proxy a script can send
 * its own header, so production runs behind one.
 */
export function clientAddress(forwardedFor: string | null): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries[entries.length - 1] ?? 'unknown';
}
