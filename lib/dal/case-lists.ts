import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, rowsOf, type Tx } from '@/db';
import { admissionCases, persons, units } from '@/db/schema';
import { inboxStates, type CaseRole, type State } from '@/lib/admission/workflow';
import { today } from '@/lib/clock';
import { maskCccd, searchKey } from '@/lib/people/identity';
import type { ReportWindow } from '@/lib/reports/maths';
import { caseInScope, caseQuery, type CaseRow } from './case-row';
import { capped, cappedCount, keyset, pageByKey, type ListQuery, type Page, type PageRequest, type SortKey } from './paging';
import { containing } from './pick';
import { inWindow, requireUser, type CurrentUser } from './session';

/**
 * Lists of admission cases: all cases in the user's scope (filters, keyset paging) and the inbox
 * of cases awaiting the user's unit (soonest deadline first). One case and its steps are in
 * admission.ts.
 */

const cell = alias(units, 'cell_unit');

export type CaseListItem = {
  id: number;
  state: State;
  fullName: string;
  nationalIdMasked: string;
  workplace: string | null;
  cellName: string;
  dueOn: string | null;
  overdue: boolean;
  lastReturnReason: string | null;
};

/** Just what a list shows of a case (the whole case for the inbox, whose rows the workflow reads). */
function caseListQuery(tx: Pick<Tx, 'select'>) {
  return tx
    .select({
      id: admissionCases.id,
      state: admissionCases.state,
      fullName: persons.fullName,
      nationalId: persons.nationalId,
      workplace: persons.workplace,
      cellName: cell.name,
      dueOn: admissionCases.dueOn,
      lastReturnReason: admissionCases.lastReturnReason,
    })
    .from(admissionCases)
    .innerJoin(persons, eq(persons.id, admissionCases.personId))
    .innerJoin(cell, eq(cell.id, admissionCases.cellUnitId));
}

function toListItem(onDay: string) {
  return ({ nationalId, ...r }: Awaited<ReturnType<ReturnType<typeof caseListQuery>['execute']>>[number]): CaseListItem => ({
    ...r,
    nationalIdMasked: maskCccd(nationalId),
    overdue: r.dueOn !== null && r.dueOn < onDay,
  });
}

function listItem(c: CaseRow): CaseListItem {
  return {
    id: c.id,
    state: c.state,
    fullName: c.fullName,
    nationalIdMasked: maskCccd(c.nationalId),
    workplace: c.workplace,
    cellName: c.cell.name,
    dueOn: c.dueOn,
    overdue: c.dueOn !== null && c.dueOn < today(),
    lastReturnReason: c.lastReturnReason,
  };
}

export type CaseFilter = {
  q?: string;
  state?: State;
  /** Referrals first submitted in a window, at cells under a unit (the list behind a report's introductions figure). */
  submitted?: ReportWindow;
  /** Only the cases the user's own unit referred (a union or youth branch's referrals). */
  referredByMe?: boolean;
};

/** The case list's query: the scope (narrowed by its index), a state, a report's window, a name search. */
async function caseQueryOf(user: CurrentUser, filter: CaseFilter): Promise<ListQuery> {
  const key = filter.q ? searchKey(filter.q) : '';
  const w = filter.submitted;
  return {
    table: admissionCases,
    key: `cases:${user.unitId}:${JSON.stringify(filter)}`,
    id: sql`${admissionCases.id}`,
    scope: caseInScope(user),
    filters: and(
      filter.state ? eq(admissionCases.state, filter.state) : undefined,
      w ? await inWindow(admissionCases.submittedOn, admissionCases.cellUnitId, w) : undefined,
      filter.referredByMe ? eq(admissionCases.referrerUnitId, user.unitId) : undefined,
    ),
    search: key ? { indexed: sql`${admissionCases.searchName} like ${containing(key)}`, plain: sql`(${admissionCases.searchName} || '') like ${containing(key)}` } : undefined,
  };
}

/** Soonest deadline first (none last), the newest case first on the same day: the index admission_cases_list_key. */
const caseOrder: SortKey<{ id: number; dueOn: string | null }> = {
  columns: [
    [sql`coalesce(${admissionCases.dueOn}, 'infinity'::date)`, 'date'],
    [sql`(- ${admissionCases.id})`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.dueOn ?? 'infinity', -r.id],
};

/** One page of the cases of the user's subtree, optionally filtered by state, a diacritic-free name search or a report's window. */
export async function listCases(filter: CaseFilter = {}, page: PageRequest = {}): Promise<Page<CaseListItem>> {
  const user = await requireUser();
  const db = await getDb();
  return pageByKey(db, await caseQueryOf(user, filter), caseOrder, page, (ids) => caseListQuery(db).where(inArray(admissionCases.id, ids)), toListItem(today()));
}

/**
 * "Awaiting my unit": open cases whose current step belongs to the user's own unit and that the
 * user may act on (inboxStates: the permission table decides which roles' steps the user takes).
 * A probationary member waits for the cell only once the probation is over.
 */
export function inboxWhere(user: CurrentUser) {
  const column: Record<CaseRole, AnyPgColumn> = {
    referrer: admissionCases.referrerUnitId,
    cell: admissionCases.cellUnitId,
    committee: admissionCases.committeeUnitId,
    decider: admissionCases.deciderUnitId,
  };
  const branches = inboxStates(user).map(({ role, states }) => and(eq(column[role], user.unitId), inArray(admissionCases.state, states)));
  if (!branches.length) return sql`false`;
  return and(or(...branches), sql`not (${admissionCases.state} = 'probation' and ${admissionCases.probationEndsOn} > ${today()})`);
}

/** Soonest deadline first (none last), then the oldest case. */
const inboxOrder: SortKey<{ id: number; dueOn: string | null }> = {
  columns: [
    [sql`coalesce(${admissionCases.dueOn}, 'infinity'::date)`, 'date'],
    [sql`${admissionCases.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.dueOn ?? 'infinity', r.id],
};

/** `filter.q`: a few letters of the person's name, without diacritics; `filter.state`: one stage. */
export async function listInbox(page: PageRequest = {}, filter: { q?: string; state?: State } = {}): Promise<Page<CaseListItem>> {
  const user = await requireUser();
  const db = await getDb();
  const key = filter.q ? searchKey(filter.q) : '';
  const where = and(inboxWhere(user), filter.state ? eq(admissionCases.state, filter.state) : undefined, key ? sql`${admissionCases.searchName} like ${containing(key)}` : undefined)!;
  const ks = keyset(inboxOrder, page);
  const [rows, counted] = await Promise.all([
    caseQuery(db)
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${admissionCases} where ${where}`)),
  ]);
  return ks.finish(rows, listItem, capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

/** How many cases wait for the user's unit (the badge in the navigation; counted up to TOTAL_CAP). */
export async function countInbox(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  return Number(rowsOf<{ n: number }>(await db.execute(cappedCount(sql`select 1 from ${admissionCases} where ${inboxWhere(user)}`)))[0].n);
}
