import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, rowsOf, type Tx } from '@/db';
import { admissionCases, classEnrolments, classes, partyMembers, persons, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { formatDate } from '@/lib/format';
import { maskCccd, searchKey } from '@/lib/people/identity';
import { containing, PICK_LIMIT, type PickOption } from './pick';
import type { ReportWindow } from '@/lib/reports/maths';
import type { ClassKind } from '@/lib/registry/kinds';
import { writeAudit, writeAuditMany } from './audit';
import { DalError, forbidden, invalid, notFound } from './errors';
import { capped, cappedCount, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { anyUnitInScope, assertCan, inScope, inWindow, requireUser, scopeHolds, type CurrentUser } from './session';

/**
 * Awareness classes (for candidates) and political courses (for new members). A committee
 * organises a class, enrols people of its scope and issues certificates; an awareness
 * certificate issued here becomes the certificate of the candidate's open admission case.
 */

/** Cases whose certificate still matters: before the cell's resolution checks it. */
const OPEN_FOR_CERTIFICATE = ['referral_draft', 'referred', 'cell_review'] as const;

export type ClassInput = { kind: ClassKind; title: string; startOn: string; endOn: string };

export async function createClass(input: ClassInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'class.create', user.unitPath);
  if (input.endOn < input.startOn) throw invalid('errors.dateRange', { endOn: 'errors.dateRange' });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const values = { ...input, organiserUnitId: user.unitId, createdBy: user.id };
    const [row] = await tx.insert(classes).values(values).returning({ id: classes.id });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'class.create', entity: 'class', entityId: row.id, after: values });
    return row;
  });
}

export type ClassListItem = { id: number; kind: ClassKind; title: string; startOn: string; endOn: string; organiserName: string; enrolled: number; certified: number };

/** Classes of a kind that started in a window, organised under a unit (the list behind a report's attendees figure). */
/** `q`: a few letters of the class's title or its organiser's name, without diacritics. */
export type ClassFilter = { kind?: ClassKind; held?: ReportWindow; q?: string };

async function classFilter(user: CurrentUser, filter: ClassFilter) {
  const w = filter.held;
  const key = filter.q ? searchKey(filter.q) : '';
  return and(
    inScope(user),
    filter.kind ? eq(classes.kind, filter.kind) : undefined,
    key ? sql`(${classes.searchName} like ${containing(key)} or ${units.searchName} like ${containing(key)})` : undefined,
    w ? await inWindow(classes.startOn, classes.organiserUnitId, w) : undefined,
  );
}

/** How many classes the filter finds, and their attendees (summed from the classes' own counts). */
export async function classTotals(filter: ClassFilter = {}): Promise<{ classes: number; attendees: number }> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({ classes: sql<number>`count(*)::int`, attendees: sql<number>`coalesce(sum(${classes.enrolled}), 0)::int` })
    .from(classes)
    .innerJoin(units, eq(units.id, classes.organiserUnitId))
    .where(await classFilter(user, filter));
  return { classes: Number(row.classes), attendees: Number(row.attendees) };
}

/** Newest first: the index classes_list_key. */
const classOrder: SortKey<{ id: number; startOn: string }> = {
  columns: [
    [sql`${classes.startOn}`, 'date'],
    [sql`${classes.id}`, 'integer'],
  ],
  direction: 'desc',
  values: (r) => [r.startOn, r.id],
};

export async function listClasses(filter: ClassFilter = {}, page: PageRequest = {}): Promise<Page<ClassListItem>> {
  const user = await requireUser();
  const db = await getDb();
  const where = await classFilter(user, filter);
  const ks = keyset(classOrder, page);
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: classes.id,
        kind: classes.kind,
        title: classes.title,
        startOn: classes.startOn,
        endOn: classes.endOn,
        organiserName: units.name,
        enrolled: classes.enrolled,
        certified: classes.certified,
      })
      .from(classes)
      .innerJoin(units, eq(units.id, classes.organiserUnitId))
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${classes} join ${units} on ${units.id} = ${classes.organiserUnitId} where ${where}`)),
  ]);
  return ks.finish(rows, (r) => r, capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

type ClassRow = { id: number; kind: ClassKind; title: string; startOn: string; endOn: string; organiserUnitId: number; organiserName: string; organiserPath: string };

async function classInScope(tx: Pick<Tx, 'select'>, user: CurrentUser, id: number): Promise<ClassRow> {
  const [row] = await tx
    .select({
      id: classes.id,
      kind: classes.kind,
      title: classes.title,
      startOn: classes.startOn,
      endOn: classes.endOn,
      organiserUnitId: classes.organiserUnitId,
      organiserName: units.name,
      organiserPath: sql<string>`${units.path}::text`,
    })
    .from(classes)
    .innerJoin(units, eq(units.id, classes.organiserUnitId))
    .where(and(eq(classes.id, id), inScope(user)));
  if (!row) throw notFound();
  return row;
}

/** Only the organising committee's own officers enrol and certify. */
function assertOrganiser(user: CurrentUser, c: ClassRow) {
  if (c.organiserUnitId !== user.unitId || !can(user, 'data.edit', c.organiserPath)) throw forbidden();
}

/**
 * People of the user's scope a class may take: open candidates (referred by or to a unit of the
 * scope) for awareness classes, probationary members of the scope's cells for courses; not yet
 * enrolled. `only`: these people (checking a submission); `q`: a name search (a picker).
 */
async function eligiblePeople(tx: Pick<Tx, 'select' | 'selectDistinct'>, user: CurrentUser, c: ClassRow, opts: { only?: number[]; q?: string; limit: number }) {
  const notEnrolled = sql`not exists (select 1 from class_enrolments e where e.class_id = ${c.id} and e.person_id = ${persons.id})`;
  const restrict = opts.only ? inArray(persons.id, opts.only) : undefined;
  const key = opts.q?.trim() ? containing(searchKey(opts.q)) : undefined;
  if (c.kind === 'awareness') {
    return tx
      .selectDistinct({ id: persons.id, fullName: persons.fullName, birthDate: persons.birthDate, unitName: units.name })
      .from(admissionCases)
      .innerJoin(persons, eq(persons.id, admissionCases.personId))
      .innerJoin(units, eq(units.id, admissionCases.referrerUnitId))
      .where(
        and(
          inArray(admissionCases.state, [...OPEN_FOR_CERTIFICATE]),
          // The case's scope narrows by index; its referrer or cell must then be in the user's subtree.
          scopeHolds(user, admissionCases.scopeUnits),
          anyUnitInScope(user, admissionCases.referrerUnitId, admissionCases.cellUnitId),
          key ? sql`${admissionCases.searchName} like ${key}` : undefined,
          notEnrolled,
          restrict,
        ),
      )
      .orderBy(asc(persons.fullName))
      .limit(opts.limit);
  }
  return tx
    .select({ id: persons.id, fullName: persons.fullName, birthDate: persons.birthDate, unitName: units.name })
    .from(partyMembers)
    .innerJoin(persons, eq(persons.id, partyMembers.personId))
    .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
    .where(
      and(
        isNull(partyMembers.officialOn),
        eq(partyMembers.status, 'active'),
        scopeHolds(user, partyMembers.scopeUnits),
        inScope(user),
        key ? sql`${partyMembers.searchName} like ${key}` : undefined,
        notEnrolled,
        restrict,
      ),
    )
    .orderBy(asc(persons.fullName))
    .limit(opts.limit);
}

/** People the organiser may enrol in a class, whose name matches: a picker's first PICK_LIMIT. */
export async function searchClassCandidates(classId: number, q: string): Promise<PickOption[]> {
  const user = await requireUser();
  const db = await getDb();
  const c = await classInScope(db, user, classId);
  assertOrganiser(user, c);
  const rows = await eligiblePeople(db, user, c, { q, limit: PICK_LIMIT });
  return rows.map((p) => ({ value: String(p.id), label: p.fullName, detail: `${formatDate(p.birthDate)} · ${p.unitName}` }));
}

export type ClassDetail = ClassListItem & {
  canManage: boolean;
  enrolments: { id: number; personId: number; fullName: string; nationalIdMasked: string; completed: boolean; certificateNo: string | null; certificateOn: string | null }[];
};

export async function getClass(id: number): Promise<ClassDetail> {
  const user = await requireUser();
  const db = await getDb();
  const c = await classInScope(db, user, id);
  const canManage = c.organiserUnitId === user.unitId && can(user, 'data.edit', c.organiserPath);
  const [enrolments] = await Promise.all([
    db
      .select({
        id: classEnrolments.id,
        personId: persons.id,
        fullName: persons.fullName,
        nationalId: persons.nationalId,
        completed: classEnrolments.completed,
        certificateNo: classEnrolments.certificateNo,
        certificateOn: classEnrolments.certificateOn,
      })
      .from(classEnrolments)
      .innerJoin(persons, eq(persons.id, classEnrolments.personId))
      .where(eq(classEnrolments.classId, id))
      .orderBy(sql`${persons.fullName} collate "und-x-icu"`),
  ]);
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    startOn: c.startOn,
    endOn: c.endOn,
    organiserName: c.organiserName,
    enrolled: enrolments.length,
    certified: enrolments.filter((e) => e.certificateNo).length,
    canManage,
    enrolments: enrolments.map(({ nationalId, ...e }) => ({ ...e, nationalIdMasked: maskCccd(nationalId) })),
  };
}

export async function enrolPeople(input: { classId: number; personIds: number[] }): Promise<{ enrolled: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await classInScope(tx, user, input.classId);
    assertOrganiser(user, c);
    const ids = [...new Set(input.personIds)];
    if (!ids.length) throw invalid('errors.nobodyChosen', { personIds: 'errors.nobodyChosen' });
    const eligible = await eligiblePeople(tx, user, c, { only: ids, limit: ids.length });
    if (eligible.length !== ids.length) throw invalid('errors.personNotEligible', { personIds: 'errors.personNotEligible' });
    const rows = await tx
      .insert(classEnrolments)
      .values(ids.map((personId) => ({ classId: c.id, personId, enrolledBy: user.id })))
      .returning({ id: classEnrolments.id, personId: classEnrolments.personId });
    await writeAuditMany(
      tx,
      rows.map((r) => ({ actorId: user.id, unitId: user.unitId, action: 'class.enrol', entity: 'class', entityId: c.id, after: { enrolmentId: r.id, personId: r.personId } })),
    );
    return { enrolled: rows.length };
  });
}

/** "BDNT-2026-007" → the n-th number after it, keeping the zero padding ("BDNT-2026-009" for n = 2). */
export function certificateNumber(first: string, n: number): string {
  const m = /^(.*?)(\d+)$/.exec(first.trim());
  if (!m) return n === 0 ? first.trim() : `${first.trim()}-${n + 1}`;
  const next = String(Number(m[2]) + n).padStart(m[2].length, '0');
  return `${m[1]}${next}`;
}

/**
 * Certificates for the chosen enrolments, numbered on from `firstNumber`. An awareness
 * certificate becomes the certificate of the person's open admission case.
 */
export async function issueCertificates(input: { classId: number; enrolmentIds: number[]; certificateOn: string; firstNumber: string }): Promise<{ issued: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await classInScope(tx, user, input.classId);
    assertOrganiser(user, c);
    if (input.certificateOn < c.startOn) throw invalid('errors.certificateBeforeClass', { certificateOn: 'errors.certificateBeforeClass' });
    const ids = [...new Set(input.enrolmentIds)];
    if (!ids.length) throw invalid('errors.nobodyChosen', { enrolmentIds: 'errors.nobodyChosen' });
    const rows = await tx
      .select({ id: classEnrolments.id, personId: classEnrolments.personId, certificateNo: classEnrolments.certificateNo })
      .from(classEnrolments)
      .where(and(eq(classEnrolments.classId, c.id), inArray(classEnrolments.id, ids)))
      .orderBy(asc(classEnrolments.id))
      .for('update');
    if (rows.length !== ids.length) throw invalid('errors.personNotEligible', { enrolmentIds: 'errors.personNotEligible' });
    if (rows.some((r) => r.certificateNo)) throw new DalError('invalid', 'errors.certificateIssued');
    const audit = [];
    for (const [i, r] of rows.entries()) {
      const no = certificateNumber(input.firstNumber, i);
      await tx.update(classEnrolments).set({ completed: true, certificateNo: no, certificateOn: input.certificateOn }).where(eq(classEnrolments.id, r.id));
      if (c.kind === 'awareness')
        await tx
          .update(admissionCases)
          .set({ certificateNo: no, certificateIssuedOn: input.certificateOn, certificateEnrolmentId: r.id, updatedAt: sql`now()` })
          .where(and(eq(admissionCases.personId, r.personId), inArray(admissionCases.state, [...OPEN_FOR_CERTIFICATE])));
      audit.push({
        actorId: user.id,
        unitId: user.unitId,
        action: 'class.certify',
        entity: 'class',
        entityId: c.id,
        after: { enrolmentId: r.id, personId: r.personId, certificateNo: no, certificateOn: input.certificateOn },
      });
    }
    await writeAuditMany(tx, audit);
    return { issued: rows.length };
  });
}
