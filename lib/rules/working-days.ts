import { addDays, weekday, type IsoDate } from './dates';

/**
 * Working days: Monday to Friday, less the days off the government announces (holidays, Tết,
 * swapped days), plus the weekend days it makes working days (the make-up Saturday of a swap:
 * in 2024 Monday 29/04 was a day off and Saturday 04/05 a working day). Both are data: the
 * holidays table (kind day_off / working_day), seeded from the annual announcements.
 */
export type HolidayCalendar = {
  /** Weekdays that are not worked. */
  readonly daysOff: ReadonlySet<IsoDate>;
  /** Saturdays and Sundays that are worked. */
  readonly workingDays: ReadonlySet<IsoDate>;
};

/** A calendar from its exception days (kind defaults to a day off). */
export function calendarOf(days: readonly { date: IsoDate; kind?: 'day_off' | 'working_day' }[]): HolidayCalendar {
  return {
    daysOff: new Set(days.filter((d) => (d.kind ?? 'day_off') === 'day_off').map((d) => d.date)),
    workingDays: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.date)),
  };
}

export const NO_HOLIDAYS: HolidayCalendar = calendarOf([]);

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.workingDays.has(date)) return true;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !calendar.daysOff.has(date);
}

/**
 * The date `n` working days after `from` (from itself not counted): the last day of a period of
 * n working days that starts the day after the event, as deadlines are counted.
 * addWorkingDays('2024-05-03', 3) is 07/05/2024 (Saturday 04/05/2024 was a working day).
 */
export function addWorkingDays(from: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  // Days since 1970-01-01 (a Thursday): the weekday without parsing each date again.
  let day = Math.round(Date.parse(`${from}T00:00:00Z`) / DAY_MS);
  let left = n;
  while (left > 0) {
    day += 1;
    const wd = (((day + 4) % 7) + 7) % 7;
    const iso = isoDay(day);
    if (calendar.workingDays.has(iso) || (wd !== 0 && wd !== 6 && !calendar.daysOff.has(iso))) left -= 1;
  }
  return isoDay(day);
}

const DAY_MS = 86_400_000;
const isoDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
  return count;
}
