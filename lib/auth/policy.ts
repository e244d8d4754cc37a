/** Login protection settings (security settings, not statutory rules); each can be set in the environment. */
const envInt = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Failed logins for one account, from devices not known for it, before that account is refused to them. */
export const LOGIN_MAX_FAILURES = envInt('HATNHAN_LOGIN_ACCOUNT_FAILURES', 5);
/** The window, in minutes, over which failures count (for the account and for the client). */
export const LOGIN_LOCK_MINUTES = envInt('HATNHAN_LOGIN_WINDOW_MINUTES', 15);
/** Failed logins from one client address, over all accounts, before that address is refused. */
export const LOGIN_CLIENT_MAX_FAILURES = envInt('HATNHAN_LOGIN_CLIENT_FAILURES', 20);
/** How long a browser that signed in stays known for that account (its owner is not locked out by others' guesses). */
export const KNOWN_DEVICE_DAYS = envInt('HATNHAN_KNOWN_DEVICE_DAYS', 90);
export const PASSWORD_MIN_LENGTH = 8;
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
