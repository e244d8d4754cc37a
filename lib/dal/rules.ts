import 'server-only';
import { cache } from 'react';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db';
import { calendarYears, holidays, ruleSets } from '@/db/schema';
import { today } from '@/lib/clock';
import { ruleSetInForce, ruleValuesSchema, type RuleSetVersion, type RuleValues } from '@/lib/rules/rule-set';
import { weekday } from '@/lib/rules/dates';
import { calendarOf, type HolidayCalendar } from '@/lib/rules/working-days';
import { can } from '@/lib/authz/permissions';
import { writeAudit } from './audit';
import { formatDate } from '@/lib/format';
import { DalError, invalid, notFound } from './errors';
import { assertCan, requireUser, type CurrentUser } from './session';

/**
 * The reference data every deadline is counted with, in one round trip: the rule-set versions
 * (oldest first) and the holidays (readable by every signed-in user). Once per request.
 */
export const loadRulesAndHolidays = cache(async (): Promise<{ versions: RuleSetVersion[]; holidays: HolidayCalendar }> => {
  const db = await getDb();
  const [row] = rowsOf<{
    versions: { id: number; effectiveFrom: string; label: string; values: unknown; reason: string | null; unconfirmed: string[] }[] | string;
    holidays: { date: string; kind: 'day_off' | 'working_day' }[] | string;
  }>(
    await db.execute(sql`select
      coalesce((select json_agg(json_build_object('id', r.id, 'effectiveFrom', r.effective_from, 'label', r.label, 'values', r.values, 'reason', r.reason, 'unconfirmed', r.unconfirmed) order by r.effective_from) from ${ruleSets} r), '[]') as versions,
      coalesce((select json_agg(json_build_object('date', h.date, 'kind', h.kind)) from ${holidays} h), '[]') as holidays`),
  );
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    versions: json(row.versions).map((r) => ({ ...r, values: ruleValuesSchema.parse(r.values) })),
    holidays: calendarOf(json(row.holidays)),
  };
});

/** Every rule-set version, oldest first (reference data: readable by every signed-in user). */
export async function loadRuleSets(): Promise<RuleSetVersion[]> {
  return (await loadRulesAndHolidays()).versions;
}

/**
 * The version in force on a date a user gave in a form: none (a date before the earliest version)
 * is the user's to fix, a field error on that form's date field ("no rule set in force on
 * dd/mm/yyyy"), never an unexpected failure.
 */
export function ruleSetForDate<V extends { effectiveFrom: string }>(versions: readonly V[], date: string, field: string): V {
  if (!versions.some((v) => v.effectiveFrom <= date)) {
    const params = { date: formatDate(date) };
    throw new DalError('invalid', 'errors.noRuleSetOn', { [field]: 'errors.noRuleSetOn' }, params, { [field]: params });
  }
  return ruleSetInForce(versions, date);
}

/** The rule set in force on a date (yyyy-mm-dd); none is a field error on `field`. */
export async function rulesOn(date: string, field = 'date'): Promise<RuleSetVersion> {
  return ruleSetForDate(await loadRuleSets(), date, field);
}

export async function loadHolidays(): Promise<HolidayCalendar> {
  return (await loadRulesAndHolidays()).holidays;
}

function rootPathOf(user: CurrentUser): string {
  return user.unitPath.split('.')[0];
}

export async function listRuleSets(): Promise<{ versions: RuleSetVersion[]; inForce: RuleSetVersion | null; canManage: boolean }> {
  const user = await requireUser();
  const versions = await loadRuleSets();
  const inForce = versions.length ? ruleSetInForce(versions, today()) : null;
  return { versions, inForce, canManage: can(user, 'ruleset.manage', rootPathOf(user)) };
}

export type CreateRuleSetInput = { effectiveFrom: string; label: string; values: RuleValues; reason?: string; unconfirmed?: string[] };

/**
 * Add a rule-set version (an administrator of a root unit only). A version that takes effect in
 * the past (an earlier regulation entered late, so that records of those years are checked
 * against it) needs a written reason, kept with the version and in the audit row: steps already
 * taken on those dates were checked against the version then on record.
 */
export async function createRuleSet(input: CreateRuleSetInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'ruleset.manage', rootPathOf(user));
  const reason = input.reason?.trim() || null;
  if (input.effectiveFrom < today() && !reason) throw invalid('errors.ruleSetPastReason', { reason: 'errors.ruleSetPastReason' });
  const values = ruleValuesSchema.parse(input.values);
  const unconfirmed = [...new Set(input.unconfirmed ?? [])].filter((k) => Object.hasOwn(values, k));
  if (values.minAgeMonths > values.maxAgeMonths) throw invalid('errors.ruleSetAges', { minAgeMonths: 'errors.ruleSetAges' });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const clash = await tx.select({ id: ruleSets.id, effectiveFrom: ruleSets.effectiveFrom }).from(ruleSets);
    if (clash.some((r) => r.effectiveFrom === input.effectiveFrom)) throw invalid('errors.ruleSetDateTaken', { effectiveFrom: 'errors.ruleSetDateTaken' });
    const [created] = await tx.insert(ruleSets).values({ effectiveFrom: input.effectiveFrom, label: input.label, values, reason, unconfirmed, createdBy: user.id }).returning({ id: ruleSets.id });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: Number(rootPathOf(user)),
      action: 'ruleset.create',
      entity: 'rule_set',
      entityId: created.id,
      after: { effectiveFrom: input.effectiveFrom, label: input.label, values, reason, unconfirmed, pastDate: input.effectiveFrom < today() },
    });
    return created;
  });
}

// ------------------------------------------------------------------ the official calendar

export type CalendarDayRow = { date: string; name: string; kind: 'day_off' | 'working_day' };
export type CalendarYearRow = { year: number; status: 'announced' | 'provisional'; source: string };

/**
 * One year of the official calendar (reference data: readable by every signed-in user): its
 * days off on weekdays and its worked weekend days, whether the year is announced or provisional,
 * and the years on record.
 */
export async function listCalendar(year: number): Promise<{ year: number; status: CalendarYearRow | null; years: CalendarYearRow[]; days: CalendarDayRow[]; canManage: boolean }> {
  const user = await requireUser();
  const db = await getDb();
  const [years, days] = await Promise.all([
    db.select({ year: calendarYears.year, status: calendarYears.status, source: calendarYears.source }).from(calendarYears).orderBy(calendarYears.year),
    db
      .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
      .from(holidays)
      .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
      .orderBy(holidays.date),
  ]);
  return { year, status: years.find((y) => y.year === year) ?? null, years, days, canManage: can(user, 'ruleset.manage', rootPathOf(user)) };
}

/**
 * Add or correct a day of the calendar (an administrator of a root unit). A day off must be a
 * weekday and a worked day a Saturday or Sunday: anything else changes nothing and says why.
 * Deadlines already set keep their date; new steps count with the corrected calendar.
 */
export async function saveCalendarDay(input: CalendarDayRow): Promise<void> {
  const user = await requireUser();
  assertCan(user, 'ruleset.manage', rootPathOf(user));
  const wd = weekday(input.date);
  const weekend = wd === 0 || wd === 6;
  if (input.kind === 'working_day' && !weekend) throw invalid('errors.workingDayNotWeekend', { date: 'errors.workingDayNotWeekend' });
  if (input.kind === 'day_off' && weekend) throw invalid('errors.dayOffOnWeekend', { date: 'errors.dayOffOnWeekend' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidays).where(eq(holidays.date, input.date)).for('update');
    await tx
      .insert(holidays)
      .values(input)
      .onConflictDoUpdate({ target: holidays.date, set: { name: input.name, kind: input.kind } });
    await writeAudit(tx, { actorId: user.id, unitId: Number(rootPathOf(user)), action: 'calendar.day.save', entity: 'holiday', entityId: input.date, before: before ?? null, after: input });
  });
}

/** Remove a day from the calendar (an administrator of a root unit); a day not on it is "not found". */
export async function removeCalendarDay(date: string): Promise<void> {
  const user = await requireUser();
  assertCan(user, 'ruleset.manage', rootPathOf(user));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(holidays).where(eq(holidays.date, date)).returning();
    if (!removed) throw notFound();
    await writeAudit(tx, { actorId: user.id, unitId: Number(rootPathOf(user)), action: 'calendar.day.remove', entity: 'holiday', entityId: date, before: removed, after: null });
  });
}

/** Mark a year announced (as the government published it, with the source) or provisional. */
export async function setCalendarYear(input: CalendarYearRow): Promise<void> {
  const user = await requireUser();
  assertCan(user, 'ruleset.manage', rootPathOf(user));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarYears).where(eq(calendarYears.year, input.year)).for('update');
    await tx
      .insert(calendarYears)
      .values({ ...input, updatedBy: user.id })
      .onConflictDoUpdate({ target: calendarYears.year, set: { status: input.status, source: input.source, updatedBy: user.id, updatedAt: sql`now()` } });
    await writeAudit(tx, { actorId: user.id, unitId: Number(rootPathOf(user)), action: 'calendar.year.set', entity: 'calendar_year', entityId: input.year, before: before ?? null, after: input });
  });
}
