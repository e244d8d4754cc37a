import type { RuleValues } from '@/lib/rules/rule-set';
import { RATING_GRADES, type RatingGrade } from './kinds';

/**
 * Rating maths. A score on the 100-point scale falls in a band of the rule set (excellent ≥ 90,
 * good ≥ 70, completed ≥ 50 under Quy định 366-QĐ/TW); the share rated good or above is
 * (excellent + good) / those actually rated, members and organisations separately.
 */
export function gradeForScore(score: number, bands: RuleValues['ratingBands']): RatingGrade {
  if (score >= bands.excellent) return 'excellent';
  if (score >= bands.good) return 'good';
  if (score >= bands.completed) return 'completed';
  return 'not_completed';
}

export type GradeCounts = Record<RatingGrade, number>;

export const emptyCounts = (): GradeCounts => Object.fromEntries(RATING_GRADES.map((g) => [g, 0])) as GradeCounts;

/** Rated, good or above, and the percentage (one decimal; null when nobody was rated). */
export function goodShare(c: GradeCounts): { rated: number; goodOrAbove: number; percent: number | null } {
  const rated = RATING_GRADES.reduce((n, g) => n + c[g], 0);
  const goodOrAbove = c.excellent + c.good;
  return { rated, goodOrAbove, percent: rated ? Math.round((goodOrAbove / rated) * 1000) / 10 : null };
}

/** Add rows of (grade, count), as the database returns them, to grade counts; unknown grades are skipped. */
export function addGradeRows(counts: GradeCounts, rows: Record<string, unknown>[]): GradeCounts {
  for (const r of rows) if ((RATING_GRADES as readonly unknown[]).includes(r.grade)) counts[r.grade as RatingGrade] += Number(r.n);
  return counts;
}
