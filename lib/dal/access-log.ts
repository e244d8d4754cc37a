import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { personAccessLog, persons, units, users } from '@/db/schema';
import { inPeriod } from './audit';
import { keyset, type Page, type PageRequest, type SortKey } from './paging';
import { assertCan, inScope, requireUser } from './session';

/**
 * Who opened which person's record (Decree 13/2023/NĐ-CP on personal data protection): getMember
 * and getCase write a row of person_access_log each time. An administrator reads the openings by
 * the users of their subtree (the users they manage; whatever those users opened lay in their
 * scope, so within the administrator's too).
 */
export type PersonAccessDto = {
  id: number;
  at: Date;
  userId: number;
  userName: string;
  unitName: string;
  personId: number;
  personName: string;
  personBirthDate: string;
  /** The paper's file opened, when the opening was of a file (lib/dal/papers.ts openCaseFile). */
  fileName: string | null;
};

/** Narrowed to one user, one person, and a period of days (yyyy-mm-dd, Vietnam time, both included). */
export type PersonAccessFilter = { userId?: number; personId?: number; from?: string; to?: string };

/** Newest first (indexes person_access_at_idx, person_access_user_idx and person_access_person_idx hold this order). */
const accessOrder: SortKey<{ id: number; atKey: string }> = {
  columns: [
    [sql`${personAccessLog.at}`, 'timestamptz'],
    [sql`${personAccessLog.id}`, 'integer'],
  ],
  direction: 'desc',
  values: (r) => [r.atKey, r.id],
};

/** A page of the record openings by users of the admin's subtree, newest first. */
export async function listPersonAccess(filter: PersonAccessFilter = {}, page: PageRequest = {}): Promise<Page<PersonAccessDto>> {
  const user = await requireUser();
  assertCan(user, 'audit.read', user.unitPath);
  const db = await getDb();
  const ks = keyset(accessOrder, page);
  const rows = await db
    .select({
      id: personAccessLog.id,
      at: personAccessLog.at,
      atKey: sql<string>`${personAccessLog.at}::text`,
      userId: users.id,
      userName: users.fullName,
      unitName: units.name,
      personId: persons.id,
      personName: persons.fullName,
      personBirthDate: persons.birthDate,
      fileName: sql<string | null>`(select f.file_name from case_document_files f where f.id = ${personAccessLog.fileId})`,
    })
    .from(personAccessLog)
    .innerJoin(users, eq(users.id, personAccessLog.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(persons, eq(persons.id, personAccessLog.personId))
    .where(
      and(
        inScope(user, users.unitPath),
        filter.userId ? eq(personAccessLog.userId, filter.userId) : undefined,
        filter.personId ? eq(personAccessLog.personId, filter.personId) : undefined,
        inPeriod(personAccessLog.at, filter.from, filter.to),
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  // Like the audit log it only grows: no total.
  return ks.finish(rows, ({ atKey: _, ...r }) => ({ ...r, id: Number(r.id) }), { total: null, totalCapped: false });
}

/** The name of person `id` for the filter's banner, if some user of the admin's subtree opened their record. */
export async function accessedPersonName(id: number): Promise<string | null> {
  const user = await requireUser();
  assertCan(user, 'audit.read', user.unitPath);
  const db = await getDb();
  const [row] = await db
    .select({ name: persons.fullName })
    .from(persons)
    .where(and(eq(persons.id, id), sql`exists (select 1 from ${personAccessLog} l join ${users} u on u.id = l.user_id where l.person_id = ${persons.id} and ${inScope(user, sql`u.unit_path`)})`));
  return row?.name ?? null;
}
