import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, rowsOf } from '@/db';
import { partyMembers, persons, ratings, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { COUNTED_STATUSES, PARTY_ORG_KINDS, RATING_GRADES, type RatingGrade } from '@/lib/registry/kinds';
import { addGradeRows, emptyCounts, goodShare, gradeForScore, type GradeCounts } from '@/lib/registry/ratings';
import { writeAuditMany } from './audit';
import { DalError, forbidden, invalid } from './errors';
import { loadRuleSets, ruleSetForDate } from './rules';
import { inScope, requireUser, subtreeRange, type CurrentUser } from './session';

/**
 * Yearly ratings: each member by their cell (or a committee above it), each party organisation
 * by a committee above it. A score is turned into a grade by the bands of the rule set in force
 * on 31 December of the year; a grade may also be entered directly.
 */

export type RatingEntry = { subjectId: number; score?: number; grade?: RatingGrade };

async function bandsFor(year: number) {
  return ruleSetForDate(await loadRuleSets(), `${year}-12-31`, 'year').values.ratingBands;
}

function resolveGrade(e: RatingEntry, bands: Awaited<ReturnType<typeof bandsFor>>): RatingGrade | null {
  if (e.score !== undefined) return gradeForScore(e.score, bands);
  return e.grade ?? null;
}

/** Ratings of members (subjects are party_members ids) or of organisations (unit ids), upserted. */
export async function saveRatings(input: { year: number; kind: 'member' | 'unit'; entries: RatingEntry[] }): Promise<{ saved: number }> {
  const user = await requireUser();
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw invalid('errors.invalidYear', { year: 'errors.invalidYear' });
  const entries = input.entries.filter((e) => e.score !== undefined || e.grade);
  if (!entries.length) throw new DalError('invalid', 'errors.nothingToSave');
  if (entries.some((e) => e.score !== undefined && (e.score < 0 || e.score > 100))) throw new DalError('invalid', 'errors.scoreRange');
  const bands = await bandsFor(input.year);
  const db = await getDb();
  const ids = entries.map((e) => e.subjectId);
  return db.transaction(async (tx) => {
    // Each subject in scope, and the user allowed for it: data.edit on the member's cell; strictly above an organisation.
    const subjects =
      input.kind === 'member'
        ? await tx
            .select({ id: partyMembers.id, path: sql<string>`${units.path}::text`, unitId: units.id })
            .from(partyMembers)
            .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
            .where(and(inArray(partyMembers.id, ids), inScope(user)))
        : await tx
            .select({ id: units.id, path: sql<string>`${units.path}::text`, unitId: units.id })
            .from(units)
            .where(and(inArray(units.id, ids), inScope(user), inArray(units.kind, [...PARTY_ORG_KINDS])));
    if (subjects.length !== new Set(ids).size) throw invalid('errors.targetNotFound');
    for (const s of subjects) {
      const allowed = can(user, 'data.edit', s.path) && (input.kind === 'member' || s.path !== user.unitPath);
      if (!allowed) throw forbidden();
    }
    const audit = [];
    for (const e of entries) {
      const grade = resolveGrade(e, bands)!;
      const subject = subjects.find((s) => s.id === e.subjectId)!;
      const key = input.kind === 'member' ? { memberId: e.subjectId } : { unitId: e.subjectId };
      const [existing] = await tx
        .select({ id: ratings.id, grade: ratings.grade, score: ratings.score })
        .from(ratings)
        .where(and(eq(ratings.year, input.year), input.kind === 'member' ? eq(ratings.memberId, e.subjectId) : eq(ratings.unitId, e.subjectId)));
      const values = { grade, score: e.score ?? null, ratedByUnitId: user.unitId, createdBy: user.id };
      if (existing)
        await tx
          .update(ratings)
          .set({ ...values, updatedAt: sql`now()` })
          .where(eq(ratings.id, existing.id));
      else await tx.insert(ratings).values({ year: input.year, ...key, ...values });
      audit.push({
        actorId: user.id,
        unitId: subject.unitId,
        action: 'rating.save',
        entity: input.kind === 'member' ? 'party_member' : 'unit',
        entityId: e.subjectId,
        before: existing ? { grade: existing.grade, score: existing.score } : undefined,
        after: { year: input.year, grade, score: e.score ?? null },
      });
    }
    await writeAuditMany(tx, audit);
    return { saved: entries.length };
  });
}

export type RatingSheet = {
  year: number;
  /** The cell whose members the sheet lists (the one asked for, or the user's own cell), or null. */
  cellUnitId: number | null;
  members: { id: number; fullName: string; cellName: string; grade: RatingGrade | null; score: number | null; canRate: boolean }[];
  organisations: { id: number; name: string; grade: RatingGrade | null; score: number | null; canRate: boolean }[];
  summary: { members: ReturnType<typeof goodShare> & { counts: GradeCounts }; organisations: ReturnType<typeof goodShare> & { counts: GradeCounts } };
};

function summarise(rows: { grade: string; n: number }[]) {
  const counts = addGradeRows(emptyCounts(), rows);
  return { ...goodShare(counts), counts };
}

/**
 * The year's ratings in the user's subtree: the share rated good or above (members of cells in
 * the subtree, organisations in the subtree), computed in SQL; plus, for a chosen cell (or the
 * user's own), the sheet of members and of organisations below to rate.
 */
export async function getRatingSheet(year: number, cellUnitId?: number): Promise<RatingSheet> {
  const user = await requireUser();
  const db = await getDb();
  // The year's grades in the subtree, summed from the tallies the database keeps (members by their current cell, organisations by themselves).
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`select ${sql.raw(RATING_GRADES.flatMap((g) => [`coalesce(sum(u.member_${g}), 0)::int as "member_${g}"`, `coalesce(sum(u.org_${g}), 0)::int as "org_${g}"`]).join(', '))}
      from unit_year_tallies u where u.year = ${year} and u.path <@ ${user.unitPath}::ltree and ${subtreeRange(sql`u.path`, user.unitPath)}`),
  );
  const memberCounts = RATING_GRADES.map((grade) => ({ grade, n: Number(counts[`member_${grade}`]) }));
  const orgCounts = RATING_GRADES.map((grade) => ({ grade, n: Number(counts[`org_${grade}`]) }));
  const sheetCell = cellUnitId ?? (user.unitKind === 'cell' ? user.unitId : undefined);
  const rated = alias(ratings, 'rated');
  const members = sheetCell
    ? await db
        .select({ id: partyMembers.id, fullName: persons.fullName, cellName: units.name, cellPath: sql<string>`${units.path}::text`, grade: rated.grade, score: rated.score })
        .from(partyMembers)
        .innerJoin(persons, eq(persons.id, partyMembers.personId))
        .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
        .leftJoin(rated, and(eq(rated.memberId, partyMembers.id), eq(rated.year, year)))
        .where(and(eq(partyMembers.cellUnitId, sheetCell), inScope(user), inArray(partyMembers.status, COUNTED_STATUSES)))
        .orderBy(sql`${persons.fullName} collate "und-x-icu"`)
    : [];
  const organisations = await db
    .select({ id: units.id, name: units.name, path: sql<string>`${units.path}::text`, grade: rated.grade, score: rated.score })
    .from(units)
    .leftJoin(rated, and(eq(rated.unitId, units.id), eq(rated.year, year)))
    .where(and(inScope(user), subtreeRange(units.path, user.unitPath), eq(units.status, 'active'), inArray(units.kind, [...PARTY_ORG_KINDS]), sql`${units.id} <> ${user.unitId}`))
    .orderBy(asc(units.path))
    .limit(500);
  return {
    year,
    cellUnitId: sheetCell ?? null,
    members: members.map(({ cellPath, ...m }) => ({ ...m, canRate: can(user, 'data.edit', cellPath) })),
    organisations: organisations.map(({ path, ...o }) => ({ ...o, canRate: canRateUnit(user, path) })),
    summary: {
      members: summarise(memberCounts),
      organisations: summarise(orgCounts),
    },
  };
}

function canRateUnit(user: CurrentUser, path: string) {
  return can(user, 'data.edit', path) && path !== user.unitPath;
}
