/** Login protection settings (security settings, not statutory rules). */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
export const PASSWORD_MIN_LENGTH = 8;
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
