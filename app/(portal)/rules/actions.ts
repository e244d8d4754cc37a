'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createRuleSet } from '@/lib/dal/rules';
import { isoDate, optionalText, text, wholeNumber } from '@/lib/validation';

/** A statutory number (months, days, counts): a whole number typed as officials type it. */
const n = wholeNumber(100_000);
const positive = n.pipe(z.number().min(1, { error: 'errors.positiveNumber' }));

const schema = z
  .object({
    effectiveFrom: isoDate,
    label: text(300),
    reason: optionalText(2000),
    minAgeMonths: positive,
    maxAgeMonths: positive,
    certificateValidityMonths: positive,
    sponsorsRequired: positive,
    sponsorsWithUnionResolution: n,
    cellVoteNumerator: positive,
    cellVoteDenominator: positive,
    committeeVoteNumerator: positive,
    committeeVoteDenominator: positive,
    decisionDueWorkingDays: positive,
    decisionExtensionWorkingDays: n,
    ceremonyDueWorkingDays: positive,
    probationMonths: positive,
    recognitionDueWorkingDays: positive,
    minMembersToFoundCell: positive,
    ratingExcellent: n,
    ratingGood: n,
    ratingCompleted: n,
  })
  .transform((f) => ({
    effectiveFrom: f.effectiveFrom,
    label: f.label,
    reason: f.reason,
    values: {
      minAgeMonths: f.minAgeMonths,
      maxAgeMonths: f.maxAgeMonths,
      certificateValidityMonths: f.certificateValidityMonths,
      sponsorsRequired: f.sponsorsRequired,
      sponsorsWithUnionResolution: f.sponsorsWithUnionResolution,
      cellVote: { numerator: f.cellVoteNumerator, denominator: f.cellVoteDenominator },
      committeeVote: { numerator: f.committeeVoteNumerator, denominator: f.committeeVoteDenominator },
      decisionDueWorkingDays: f.decisionDueWorkingDays,
      decisionExtensionWorkingDays: f.decisionExtensionWorkingDays,
      ceremonyDueWorkingDays: f.ceremonyDueWorkingDays,
      probationMonths: f.probationMonths,
      recognitionDueWorkingDays: f.recognitionDueWorkingDays,
      minMembersToFoundCell: f.minMembersToFoundCell,
      ratingBands: { excellent: f.ratingExcellent, good: f.ratingGood, completed: f.ratingCompleted },
    },
  }));

export async function createRuleSetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(schema, formData, createRuleSet, 'rules.done');
  if (state.ok) revalidatePath('/rules');
  return state;
}
