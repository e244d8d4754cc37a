import { z } from 'zod';
import { addMonths, fullMonthsBetween, type IsoDate } from './dates';

/**
 * The statutory numbers of the admission process, as one versioned rule set. The numbers
 * themselves are data (table rule_sets, seeded in db/seed/rules.ts, new versions added by a
 * provincial administrator); this module only gives their shape and the arithmetic on them.
 */
const fraction = z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() });

export const ruleValuesSchema = z.object({
  minAgeMonths: z.number().int().positive(),
  maxAgeMonths: z.number().int().positive(),
  certificateValidityMonths: z.number().int().positive(),
  sponsorsRequired: z.number().int().positive(),
  sponsorsWithUnionResolution: z.number().int().nonnegative(),
  cellVote: fraction,
  committeeVote: fraction,
  decisionDueWorkingDays: z.number().int().positive(),
  decisionExtensionWorkingDays: z.number().int().nonnegative(),
  ceremonyDueWorkingDays: z.number().int().positive(),
  probationMonths: z.number().int().positive(),
  recognitionDueWorkingDays: z.number().int().positive(),
  minMembersToFoundCell: z.number().int().positive(),
  ratingBands: z.object({ excellent: z.number(), good: z.number(), completed: z.number() }),
});
export type RuleValues = z.infer<typeof ruleValuesSchema>;

export type RuleSetVersion = {
  id?: number;
  effectiveFrom: IsoDate;
  label: string;
  values: RuleValues;
  /** Why the version was added with a date already past. */
  reason?: string | null;
  /** Keys of `values` whose number was not confirmed from the source. */
  unconfirmed?: string[];
};

/** The version in force on `date`: the latest one that took effect on or before it. */
export function ruleSetInForce<V extends { effectiveFrom: IsoDate }>(versions: readonly V[], date: IsoDate): V {
  let best: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  if (!best) throw new Error(`no rule set in force on ${date}`);
  return best;
}

/** Age in whole months on a date (a month counts once its day is reached). */
export function ageInMonths(birthDate: IsoDate, onDate: IsoDate): number {
  return fullMonthsBetween(birthDate, onDate);
}

/** From the minimum age up to the maximum, both inclusive, counted in months on the cell's meeting day. */
export function ageEligible(birthDate: IsoDate, meetingOn: IsoDate, rules: RuleValues): boolean {
  const months = ageInMonths(birthDate, meetingOn);
  return months >= rules.minAgeMonths && months <= rules.maxAgeMonths;
}

/** The last day on which a certificate issued on `issuedOn` still counts. */
export function certificateValidUntil(issuedOn: IsoDate, rules: RuleValues): IsoDate {
  return addMonths(issuedOn, rules.certificateValidityMonths);
}

export function certificateValid(issuedOn: IsoDate, meetingOn: IsoDate, rules: RuleValues): boolean {
  return issuedOn <= meetingOn && meetingOn <= certificateValidUntil(issuedOn, rules);
}

/** Does a vote pass: at least numerator/denominator of the eligible voters voted for? */
export function votePasses(votesFor: number, eligible: number, threshold: { numerator: number; denominator: number }): boolean {
  if (!Number.isInteger(votesFor) || !Number.isInteger(eligible) || eligible <= 0 || votesFor < 0 || votesFor > eligible) return false;
  return votesFor * threshold.denominator >= eligible * threshold.numerator;
}

/** The fewest votes for that pass, for showing next to the vote form. */
export function votesNeeded(eligible: number, threshold: { numerator: number; denominator: number }): number {
  return Math.ceil((eligible * threshold.numerator) / threshold.denominator);
}
