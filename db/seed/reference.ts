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

/**
 * The versions in force before INITIAL_RULE_SET, so that records of earlier years (a founding
 * decided in 2021, an admission in 2019) are checked against the rules then in force. Each names
 * its source; `unconfirmed` lists the keys whose number could not be confirmed from that source
 * (the rules page marks them). Confirmed: age 18–60 counted in months (Quy định 29-QĐ/TW
 * 25/07/2016, point 3.1; Quy định 24-QĐ/TW 30/07/2021, point 1.1.1, both in force on signing);
 * sponsors, the two-thirds votes, 12 months' probation and the three official members of a cell
 * are the Charter's own (Điều lệ Đảng 2011, Articles 4, 5 and 21), unchanged by either regulation.
 * The 100-point rating bands only exist since Quy định 366-QĐ/TW (2025): earlier years were rated
 * by grade, so the bands are marked unconfirmed there.
 */
export const EARLIER_RULE_SETS = [
  {
    effectiveFrom: '2016-07-25',
    label: 'Quy định 29-QĐ/TW (25/07/2016), Hướng dẫn 01-HD/TW (20/09/2016)',
    values: { ...INITIAL_RULE_SET.values },
    unconfirmed: ['certificateValidityMonths', 'decisionDueWorkingDays', 'decisionExtensionWorkingDays', 'ceremonyDueWorkingDays', 'recognitionDueWorkingDays', 'ratingBands'],
  },
  {
    effectiveFrom: '2021-07-30',
    label: 'Quy định 24-QĐ/TW (30/07/2021), Hướng dẫn 01-HD/TW (28/09/2021)',
    values: { ...INITIAL_RULE_SET.values },
    unconfirmed: ['certificateValidityMonths', 'decisionExtensionWorkingDays', 'ratingBands'],
  },
];

export async function seedReference(db: Db): Promise<void> {
  // Keyed by effective date: a database that already has a version on a date keeps it as it is.
  await db
    .insert(ruleSets)
    .values([...EARLIER_RULE_SETS, INITIAL_RULE_SET])
    .onConflictDoNothing();
  await db.insert(holidays).values(VN_HOLIDAYS).onConflictDoNothing();
  await db.insert(calendarYears).values(VN_CALENDAR_YEARS).onConflictDoNothing();
}
