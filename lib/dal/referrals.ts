import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { admissionCases, persons, units } from '@/db/schema';
import { normalizeName, searchKey } from '@/lib/people/identity';
import { COMMITTEE_KINDS, DECIDING_KINDS } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { notifyCaseStep } from './notifications';
import { assertNotSamePerson } from './people';
import { invalid } from './errors';
import { containing, PICK_LIMIT, type PickOption } from './pick';
import { assertCan, pathUnder, requireUser, type CurrentUser } from './session';

/**
 * Admission, first step: a union or youth branch refers an outstanding person to a cell and opens
 * a draft case (Quy định 24-QĐ/TW, 4.1; Hướng dẫn 12-HD/BTCTW). The steps that follow are in
 * admission.ts, the lists of cases in case-lists.ts.
 */
/**
 * The committee (if any) and deciding level above a cell: a ward or grassroots committee directly
 * above the cell reviews, and the nearest district-level (or bloc, or province) committee decides.
 */
async function chainAbove(tx: Tx, cellPath: string): Promise<{ committeeId: number | null; deciderId: number } | null> {
  const ancestors = await tx
    .select({ id: units.id, kind: units.kind })
    .from(units)
    .where(and(sql`${units.path} @> ${cellPath}::ltree`, sql`${units.path} <> ${cellPath}::ltree`))
    .orderBy(desc(sql`nlevel(${units.path})`));
  const parent = ancestors[0];
  if (!parent) return null;
  const committeeId = COMMITTEE_KINDS.includes(parent.kind) ? parent.id : null;
  const deciderRow = ancestors.find((a) => DECIDING_KINDS.includes(a.kind));
  return deciderRow ? { committeeId, deciderId: deciderRow.id } : null;
}

export type CreateReferralInput = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  nationalId?: string;
  phone?: string;
  workplace: string;
  cellUnitId: number;
  certificateNo?: string;
  certificateIssuedOn?: string;
  /** The user confirmed that a person of the same name and birth date is someone else. */
  confirmNotDuplicate?: boolean;
};

/** Only union and youth branches refer people (and only their officers, leaders and admins). */
function assertReferrer(user: CurrentUser) {
  assertCan(user, 'admission.refer', user.unitPath);
}

/** Refuses (forbidden) anyone who may not refer people: the referral page asks first. */
export async function assertCanRefer(): Promise<void> {
  assertReferrer(await requireUser());
}

/** The cells a branch may refer people to (active cells under the same deciding level) whose name matches: a picker's first PICK_LIMIT. */
export async function searchReferralCells(q: string): Promise<PickOption[]> {
  const user = await requireUser();
  assertReferrer(user);
  const db = await getDb();
  const chain = await db.transaction((tx) => chainAbove(tx, user.unitPath));
  if (!chain) return [];
  const parent = alias(units, 'parent_unit');
  const key = searchKey(q);
  const rows = await db
    .select({ id: units.id, name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.kind, 'cell'), eq(units.status, 'active'), pathUnder(units.path, chain.deciderId), key ? sql`${units.searchName} like ${containing(key)}` : undefined))
    .orderBy(sql`${units.name} collate "und-x-icu"`, asc(units.id))
    .limit(PICK_LIMIT);
  return rows.map((r) => ({ value: String(r.id), label: r.name, detail: r.parentName ?? undefined }));
}

/** A union or youth branch officer registers an outstanding person and opens a draft referral. */
export async function createReferral(input: CreateReferralInput): Promise<{ caseId: number; personId: number }> {
  const user = await requireUser();
  assertReferrer(user);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: units.id, path: sql<string>`${units.path}::text`, kind: units.kind, status: units.status })
      .from(units)
      .where(eq(units.id, input.cellUnitId));
    const ownChain = await chainAbove(tx, user.unitPath);
    const inReach =
      target && target.kind === 'cell' && target.status === 'active' && ownChain
        ? (
            await tx
              .select({ ok: sql<boolean>`true` })
              .from(units)
              .where(and(eq(units.id, ownChain.deciderId), sql`${target.path}::ltree <@ ${units.path}`))
          ).length > 0
        : false;
    if (!inReach) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    const chain = await chainAbove(tx, target.path);
    if (!chain) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    // The same person referred twice (or already a member, anywhere in the country): refused, naming the match only when the user may see it.
    await assertNotSamePerson(tx, user, input, input.confirmNotDuplicate);
    const fullName = normalizeName(input.fullName);
    const [person] = await tx
      .insert(persons)
      .values({
        fullName,
        searchName: searchKey(fullName),
        birthDate: input.birthDate,
        gender: input.gender,
        nationalId: input.nationalId || null,
        phone: input.phone || null,
        workplace: input.workplace,
        unitId: user.unitId,
      })
      .returning({ id: persons.id });
    const [created] = await tx
      .insert(admissionCases)
      .values({
        personId: person.id,
        referrerUnitId: user.unitId,
        cellUnitId: target.id,
        committeeUnitId: chain.committeeId,
        deciderUnitId: chain.deciderId,
        certificateNo: input.certificateNo || null,
        certificateIssuedOn: input.certificateIssuedOn || null,
        createdBy: user.id,
      })
      .returning({ id: admissionCases.id });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: user.unitId,
      action: 'admission.create',
      entity: 'admission_case',
      entityId: created.id,
      after: { personId: person.id, fullName, cellUnitId: target.id, committeeUnitId: chain.committeeId, deciderUnitId: chain.deciderId },
    });
    const caseUnits = { referrer: user.unitId, cell: target.id, committee: chain.committeeId, decider: chain.deciderId };
    await notifyCaseStep(tx, { actorId: user.id, caseId: created.id, state: 'referral_draft', version: 1, dueOn: null, returned: false, units: caseUnits });
    return { caseId: created.id, personId: person.id };
  });
}
