import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The e2e server's clock file (HATNHAN_CLOCK_FILE, see lib/clock.ts and e2e/serve.ts). */
export const CLOCK_FILE = path.join(import.meta.dirname, '..', '.data', 'e2e-clock');

/** Set the e2e server's time (Vietnam time, e.g. '2027-03-01 09:00'), or back to real time with null. */
export function setServerClock(at: string | null): void {
  if (at === null) {
    rmSync(CLOCK_FILE, { force: true });
    return;
  }
  mkdirSync(path.dirname(CLOCK_FILE), { recursive: true });
  writeFileSync(CLOCK_FILE, `${at.replace(' ', 'T')}:00+07:00`);
}
