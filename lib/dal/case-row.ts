import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db';
import { admissionCases, persons } from '@/db/schema';
import type { CaseRole, CaseShape, State } from '@/lib/admission/workflow';
import { notFound } from './errors';
import { scopeHolds, type CurrentUser } from './session';

/**
 * One admission case as the data layer reads it (the case row with its person and its four units),
 * and the scope condition every reader of a case applies: shared by the workflow (admission.ts),
 * its papers (papers.ts) and the forms written from it.
 */

/** A case is visible to everyone whose subtree holds one of its units (scope_units holds all four). */
export function caseInScope(user: CurrentUser) {
  return scopeHolds(user, admissionCases.scopeUnits);
}

export type CaseRow = {
  id: number;
  state: State;
  version: number;
  round: number;
  personId: number;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  nationalId: string | null;
  workplace: string | null;
  referrer: { id: number; name: string; path: string };
  cell: { id: number; name: string; path: string };
  committee: { id: number; name: string; path: string } | null;
  decider: { id: number; name: string; path: string };
  certificateNo: string | null;
  certificateIssuedOn: string | null;
  withUnionResolution: boolean;
  sponsors: { name: string; note?: string }[];
  cellMeetingOn: string | null;
  cellVotesFor: number | null;
  cellEligible: number | null;
  committeeMeetingOn: string | null;
  committeeVotesFor: number | null;
  committeeMembers: number | null;
  decisionNo: string | null;
  decisionOn: string | null;
  ceremonyOn: string | null;
  probationEndsOn: string | null;
  proposesRemoval: boolean;
  recognitionDecisionNo: string | null;
  recognitionDecisionOn: string | null;
  dueOn: string | null;
  lastReturnReason: string | null;
};

/** A column of the case row, named with its table (a unit is read by a subquery beside it). */
const caseCol = (name: string) => sql.raw(`"admission_cases"."${name}"`);
export type UnitRef = { id: number; name: string; path: string };
/** A json column as its value (a driver may hand it over as text). */
const fromJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
/**
 * A unit of the case by its key, decoded into its object as the row is read: one subquery each,
 * so the statement stays two tables to plan (the case and its person). Joining the four units as
 * well plans about three times slower (0.4 against 0.13 ms), more than the read itself.
 */
const unitOf = (column: string) => sql`(select json_build_object('id', u.id, 'name', u.name, 'path', u.path::text) from units u where u.id = ${caseCol(column)})`.mapWith(fromJson<UnitRef>);

/** The case's columns, its person's beside them and its units as objects: each row comes out a CaseRow. */
const caseColumns = {
  id: admissionCases.id,
  state: admissionCases.state,
  version: admissionCases.version,
  round: admissionCases.round,
  personId: admissionCases.personId,
  fullName: persons.fullName,
  birthDate: persons.birthDate,
  gender: persons.gender,
  nationalId: persons.nationalId,
  workplace: persons.workplace,
  referrer: unitOf('referrer_unit_id'),
  cell: unitOf('cell_unit_id'),
  committee: unitOf('committee_unit_id') as SQL<UnitRef | null>,
  decider: unitOf('decider_unit_id'),
  certificateNo: admissionCases.certificateNo,
  certificateIssuedOn: admissionCases.certificateIssuedOn,
  withUnionResolution: admissionCases.withUnionResolution,
  sponsors: admissionCases.sponsors,
  cellMeetingOn: admissionCases.cellMeetingOn,
  cellVotesFor: admissionCases.cellVotesFor,
  cellEligible: admissionCases.cellEligible,
  committeeMeetingOn: admissionCases.committeeMeetingOn,
  committeeVotesFor: admissionCases.committeeVotesFor,
  committeeMembers: admissionCases.committeeMembers,
  decisionNo: admissionCases.decisionNo,
  decisionOn: admissionCases.decisionOn,
  ceremonyOn: admissionCases.ceremonyOn,
  probationEndsOn: admissionCases.probationEndsOn,
  proposesRemoval: admissionCases.proposesRemoval,
  recognitionDecisionNo: admissionCases.recognitionDecisionNo,
  recognitionDecisionOn: admissionCases.recognitionDecisionOn,
  dueOn: admissionCases.dueOn,
  lastReturnReason: admissionCases.lastReturnReason,
};

export function caseQuery(tx: Pick<Tx, 'select'>) {
  return tx.select(caseColumns).from(admissionCases).innerJoin(persons, eq(persons.id, admissionCases.personId));
}

export function shapeOf(c: CaseRow): CaseShape {
  return { state: c.state, hasCommittee: c.committee !== null, proposesRemoval: c.proposesRemoval };
}

export function unitPaths(c: CaseRow): Partial<Record<CaseRole, string>> {
  return { referrer: c.referrer.path, cell: c.cell.path, committee: c.committee?.path, decider: c.decider.path };
}

/** The case `id` of the user's scope, for a change (not found when out of scope). */
export async function lockCase(tx: Tx, user: CurrentUser, id: number): Promise<CaseRow> {
  const [row] = await caseQuery(tx).where(and(eq(admissionCases.id, id), caseInScope(user)));
  if (!row) throw notFound();
  return row;
}
