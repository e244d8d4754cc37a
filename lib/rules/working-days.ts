import { addDays, weekday, type IsoDate } from './dates';

/**
 * Working days: Monday to Friday, less the public holidays (data: the holidays table, seeded
 * with Vietnam's official holidays including Tết and the compensating days off).
 */
export type HolidayCalendar = ReadonlySet<IsoDate>;

export function isWorkingDay(date: IsoDate, holidays: HolidayCalendar): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !holidays.has(date);
}

/**
 * The date `n` working days after `from` (from itself not counted): the last day of a period of
 * n working days that starts the day after the event, as deadlines are counted.
 */
export function addWorkingDays(from: IsoDate, n: number, holidays: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  // Days since 1970-01-01 (a Thursday): the weekday without parsing each date again.
  let day = Math.round(Date.parse(`${from}T00:00:00Z`) / DAY_MS);
  let left = n;
  while (left > 0) {
    day += 1;
    const wd = (((day + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6 && !holidays.has(isoDay(day))) left -= 1;
  }
  return isoDay(day);
}

const DAY_MS = 86_400_000;
const isoDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: HolidayCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) count += 1;
  return count;
}
