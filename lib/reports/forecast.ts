import type { State } from '@/lib/admission/states';
import type { RuleValues } from '@/lib/rules/rule-set';
import { addWorkingDays, type HolidayCalendar } from '@/lib/rules/working-days';

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

/** The last date from which `n` working days still end by `end`. */
export function latestStart(end: string, n: number, holidays: HolidayCalendar): string {
  // Walk back from `end` until n working days from the candidate overshoot it (a few weeks at most).
  let d = end;
  for (let i = 0; i < 400; i++) {
    const prev = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (addWorkingDays(d, n, holidays) <= end) return d;
    d = prev;
  }
  throw new Error('no start found');
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
