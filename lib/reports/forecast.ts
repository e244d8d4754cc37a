import type { State } from '@/lib/admission/states';
import type { RuleValues } from '@/lib/rules/rule-set';
import { addDays } from '@/lib/rules/dates';
import { addWorkingDays, isWorkingDay, type HolidayCalendar } from '@/lib/rules/working-days';

/**
 * The year's forecast of admissions: those admitted so far, plus the cases in the pipeline whose
 * remaining steps, each taking the time the rule set allows from the case's last known date,
 * end with a ceremony by 31 December. A case not yet resolved by its cell is taken from today.
 * Pure: the rule set and holidays come in.
 */
export type PipelineCase = { state: State; cellMeetingOn: string | null; decisionOn: string | null };

/** The latest date the ceremony is due under the deadlines, from the case's stage; null when it is not in the admission pipeline. */
export function latestCeremony(c: PipelineCase, today: string, rules: RuleValues, holidays: HolidayCalendar): string | null {
  const afterDecision = (d: string) => addWorkingDays(d, rules.ceremonyDueWorkingDays, holidays);
  const afterCell = (d: string) => afterDecision(addWorkingDays(d, rules.decisionDueWorkingDays, holidays));
  switch (c.state) {
    case 'ceremony_pending':
      return c.decisionOn ? afterDecision(c.decisionOn) : afterDecision(today);
    case 'committee_review':
    case 'decision_pending':
      return afterCell(c.cellMeetingOn ?? today);
    case 'referred':
    case 'cell_review':
      return afterCell(today);
    default:
      return null;
  }
}

export function countsForYear(c: PipelineCase, today: string, yearEnd: string, rules: RuleValues, holidays: HolidayCalendar): boolean {
  const due = latestCeremony(c, today, rules, holidays);
  return due !== null && due <= yearEnd;
}

/**
 * The last date from which `n` working days still end by `end` (addWorkingDays(d, n) <= end):
 * the day before the n-th working day counted back from `end`, which leaves n working days after
 * it up to `end`. For n = 0, `end` itself.
 */
export function latestStart(end: string, n: number, holidays: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return end;
  let d = end;
  let found = isWorkingDay(d, holidays) ? 1 : 0;
  while (found < n) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) found += 1;
  }
  return addDays(d, -1);
}

/**
 * The same rule as countsForYear, as thresholds a database can compare stored deadlines with:
 * a case awaiting its ceremony counts when its ceremony is due by `ceremonyBy`; one awaiting the
 * committee or the decision when its decision is due by `decisionBy`; one still with the cell
 * when `cellCounts` (a resolution today would still fit).
 */
export function forecastThresholds(today: string, yearEnd: string, rules: RuleValues, holidays: HolidayCalendar) {
  const decisionBy = latestStart(yearEnd, rules.ceremonyDueWorkingDays, holidays);
  return {
    ceremonyBy: yearEnd,
    decisionBy,
    cellCounts: addWorkingDays(addWorkingDays(today, rules.decisionDueWorkingDays, holidays), rules.ceremonyDueWorkingDays, holidays) <= yearEnd,
  };
}
