import type { IsoDate } from '@/lib/rules/dates';
import { ageEligible, certificateValid, certificateValidUntil, votePasses, votesNeeded, type RuleValues } from '@/lib/rules/rule-set';
import { addWorkingDays, type HolidayCalendar } from '@/lib/rules/working-days';
import type { Check } from './workflow';
import type { State } from './states';

/** What the checks look at: the case as it will be after the step (its new figures applied). */
export type CheckFacts = {
  effectiveOn: IsoDate;
  birthDate: IsoDate;
  certificateIssuedOn: IsoDate | null;
  sponsors: number;
  withUnionResolution: boolean;
  cellMeetingOn: IsoDate | null;
  cellVotesFor: number | null;
  cellEligible: number | null;
  committeeVotesFor: number | null;
  committeeMembers: number | null;
  decisionOn: IsoDate | null;
  ceremonyOn: IsoDate | null;
  probationEndsOn: IsoDate | null;
};

export type CheckFailure = { check: Check; detail: Record<string, string | number> };

/** Run the named checks against the rule set in force on the step's date. Pure. */
export function runChecks(checks: readonly Check[], f: CheckFacts, rules: RuleValues, holidays: HolidayCalendar): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    switch (check) {
      case 'age':
        if (!ageEligible(f.birthDate, f.effectiveOn, rules)) failures.push({ check, detail: { min: rules.minAgeMonths / 12, max: rules.maxAgeMonths / 12 } });
        break;
      case 'certificate':
        if (!f.certificateIssuedOn || !certificateValid(f.certificateIssuedOn, f.effectiveOn, rules))
          failures.push({
            check,
            detail: { months: rules.certificateValidityMonths, until: f.certificateIssuedOn ? certificateValidUntil(f.certificateIssuedOn, rules) : '' },
          });
        break;
      case 'sponsors': {
        const needed = f.withUnionResolution ? rules.sponsorsWithUnionResolution : rules.sponsorsRequired;
        if (f.sponsors < needed) failures.push({ check, detail: { needed, given: f.sponsors } });
        break;
      }
      case 'cellVote':
        if (!votePasses(f.cellVotesFor ?? -1, f.cellEligible ?? 0, rules.cellVote))
          failures.push({ check, detail: { needed: votesNeeded(f.cellEligible ?? 0, rules.cellVote), given: f.cellVotesFor ?? 0, eligible: f.cellEligible ?? 0 } });
        break;
      case 'committeeVote':
        if (!votePasses(f.committeeVotesFor ?? -1, f.committeeMembers ?? 0, rules.committeeVote))
          failures.push({
            check,
            detail: { needed: votesNeeded(f.committeeMembers ?? 0, rules.committeeVote), given: f.committeeVotesFor ?? 0, eligible: f.committeeMembers ?? 0 },
          });
        break;
      case 'decisionDeadline': {
        if (!f.cellMeetingOn) break;
        const due = addWorkingDays(f.cellMeetingOn, rules.decisionDueWorkingDays, holidays);
        if ((f.decisionOn ?? f.effectiveOn) > due) failures.push({ check, detail: { due, extension: rules.decisionExtensionWorkingDays } });
        break;
      }
      case 'ceremonyDeadline': {
        if (!f.decisionOn) break;
        const due = addWorkingDays(f.decisionOn, rules.ceremonyDueWorkingDays, holidays);
        if ((f.ceremonyOn ?? f.effectiveOn) > due) failures.push({ check, detail: { due } });
        break;
      }
      case 'probationEnded':
        if (!f.probationEndsOn || f.effectiveOn < f.probationEndsOn) failures.push({ check, detail: { endsOn: f.probationEndsOn ?? '' } });
        break;
    }
  }
  return failures;
}

/** The deadline of the step a case waits for once it is in `state`. */
export function dueOnFor(state: State, f: CheckFacts, rules: RuleValues, holidays: HolidayCalendar): IsoDate | null {
  switch (state) {
    case 'committee_review':
    case 'decision_pending':
      return f.cellMeetingOn ? addWorkingDays(f.cellMeetingOn, rules.decisionDueWorkingDays, holidays) : null;
    case 'ceremony_pending':
      return f.decisionOn ? addWorkingDays(f.decisionOn, rules.ceremonyDueWorkingDays, holidays) : null;
    case 'probation': // recognition is due within the set working days after probation ends
    case 'recognition_cell_review':
      return f.probationEndsOn ? addWorkingDays(f.probationEndsOn, rules.recognitionDueWorkingDays, holidays) : null;
    case 'recognition_committee_review':
    case 'recognition_decision_pending':
      return addWorkingDays(f.effectiveOn, rules.recognitionDueWorkingDays, holidays);
    default:
      return null;
  }
}
