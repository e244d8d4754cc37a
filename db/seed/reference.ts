import type { Db } from '../index';
import { calendarYears, holidays, ruleSets } from '../schema';
import { VN_CALENDAR_YEARS, VN_HOLIDAYS } from './holidays';

/**
 * Reference data every installation needs (not demo data): the rule set in force and the public
 * holidays. Inserted only where missing, so an administrator's later versions and corrections stay.
 * Sources: Quy định 24-QĐ/TW (2021) and Hướng dẫn 12-HD/BTCTW (2022) for the admission numbers;
 * Quy định 366-QĐ/TW (2025) for the rating bands.
 */
export const INITIAL_RULE_SET = {
  effectiveFrom: '2022-06-01',
  label: 'Quy định 24-QĐ/TW, Hướng dẫn 12-HD/BTCTW; xếp loại theo Quy định 366-QĐ/TW',
  values: {
    minAgeMonths: 216,
    maxAgeMonths: 720,
    certificateValidityMonths: 60,
    sponsorsRequired: 2,
    sponsorsWithUnionResolution: 1,
    cellVote: { numerator: 2, denominator: 3 },
    committeeVote: { numerator: 2, denominator: 3 },
    decisionDueWorkingDays: 60,
    decisionExtensionWorkingDays: 30,
    ceremonyDueWorkingDays: 30,
    probationMonths: 12,
    recognitionDueWorkingDays: 30,
    minMembersToFoundCell: 3,
    ratingBands: { excellent: 90, good: 70, completed: 50 },
  },
};

export async function seedReference(db: Db): Promise<void> {
  await db.insert(ruleSets).values(INITIAL_RULE_SET).onConflictDoNothing();
  await db.insert(holidays).values(VN_HOLIDAYS).onConflictDoNothing();
  await db.insert(calendarYears).values(VN_CALENDAR_YEARS).onConflictDoNothing();
}
