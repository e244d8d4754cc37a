/**
 * The application's clock. Everything that needs "now" or "today" asks here, so tests (and the
 * demo) can set the time: HATNHAN_NOW=2027-01-15T09:00:00+07:00 fixes it for a process, and
 * setClock() replaces it inside a test.
 */
let override: (() => Date) | undefined;

export function setClock(fn: (() => Date) | undefined): void {
  override = fn;
}

export function now(): Date {
  if (override) return override();
  const fixed = process.env.HATNHAN_NOW;
  return fixed ? new Date(fixed) : new Date();
}

/** Today's date in Vietnam (UTC+7), as yyyy-mm-dd. */
export function today(): string {
  return isoDateInVietnam(now());
}

export function isoDateInVietnam(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
