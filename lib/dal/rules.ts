import 'server-only';
import { cache } from 'react';
import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db';
import { holidays, ruleSets } from '@/db/schema';
import { today } from '@/lib/clock';
import { ruleSetInForce, ruleValuesSchema, type RuleSetVersion, type RuleValues } from '@/lib/rules/rule-set';
import type { HolidayCalendar } from '@/lib/rules/working-days';
import { can } from '@/lib/authz/permissions';
import { writeAudit } from './audit';
import { invalid } from './errors';
import { assertCan, requireUser, type CurrentUser } from './session';

/**
 * The reference data every deadline is counted with, in one round trip: the rule-set versions
 * (oldest first) and the holidays (readable by every signed-in user). Once per request.
 */
export const loadRulesAndHolidays = cache(async (): Promise<{ versions: RuleSetVersion[]; holidays: HolidayCalendar }> => {
  const db = await getDb();
  const [row] = rowsOf<{ versions: { id: number; effectiveFrom: string; label: string; values: unknown }[] | string; holidays: string[] | string }>(
    await db.execute(sql`select
      coalesce((select json_agg(json_build_object('id', r.id, 'effectiveFrom', r.effective_from, 'label', r.label, 'values', r.values) order by r.effective_from) from ${ruleSets} r), '[]') as versions,
      coalesce((select json_agg(h.date) from ${holidays} h), '[]') as holidays`),
  );
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    versions: json(row.versions).map((r) => ({ ...r, values: ruleValuesSchema.parse(r.values) })),
    holidays: new Set(json(row.holidays)),
  };
});

/** Every rule-set version, oldest first (reference data: readable by every signed-in user). */
export async function loadRuleSets(): Promise<RuleSetVersion[]> {
  return (await loadRulesAndHolidays()).versions;
}

/** The rule set in force on a date (yyyy-mm-dd). */
export async function rulesOn(date: string): Promise<RuleSetVersion> {
  return ruleSetInForce(await loadRuleSets(), date);
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

export type CreateRuleSetInput = { effectiveFrom: string; label: string; values: RuleValues };

/**
 * Add a rule-set version (an administrator of a root unit only). It may not take effect in the
 * past: steps already taken were checked against the version then in force.
 */
export async function createRuleSet(input: CreateRuleSetInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'ruleset.manage', rootPathOf(user));
  if (input.effectiveFrom < today()) throw invalid('errors.ruleSetInPast', { effectiveFrom: 'errors.ruleSetInPast' });
  const values = ruleValuesSchema.parse(input.values);
  if (values.minAgeMonths > values.maxAgeMonths) throw invalid('errors.ruleSetAges', { minAgeMonths: 'errors.ruleSetAges' });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const clash = await tx.select({ id: ruleSets.id, effectiveFrom: ruleSets.effectiveFrom }).from(ruleSets);
    if (clash.some((r) => r.effectiveFrom === input.effectiveFrom))
      throw invalid('errors.ruleSetDateTaken', { effectiveFrom: 'errors.ruleSetDateTaken' });
    const [created] = await tx
      .insert(ruleSets)
      .values({ effectiveFrom: input.effectiveFrom, label: input.label, values, createdBy: user.id })
      .returning({ id: ruleSets.id });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: Number(rootPathOf(user)),
      action: 'ruleset.create',
      entity: 'rule_set',
      entityId: created.id,
      after: { effectiveFrom: input.effectiveFrom, label: input.label, values },
    });
    return created;
  });
}
