import { readFileSync } from 'node:fs';

/**
 * The application's clock. Everything that needs "now" or "today" asks here, so tests (and the
 * demo) can set the time:
 * - setClock() replaces it inside a process (data-layer tests, the demo seed);
 * - HATNHAN_NOW=2027-01-15T09:00:00+07:00 fixes it for a process;
 * - HATNHAN_CLOCK_FILE names a file holding an ISO instant, read on every call, so the browser
 *   tests can move the server's time forward (twelve months of probation) while it runs. Only
 *   e2e/serve.ts sets it; an absent or empty file means the real time.
 */
let override: (() => Date) | undefined;

export function setClock(fn: (() => Date) | undefined): void {
  override = fn;
}

function fromFile(file: string): Date | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new Error(`HATNHAN_CLOCK_FILE holds no valid time: "${text}"`);
  return d;
}

export function now(): Date {
  if (override) return override();
  const file = process.env.HATNHAN_CLOCK_FILE;
  const fromClockFile = file ? fromFile(file) : undefined;
  if (fromClockFile) return fromClockFile;
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
