import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { admissionCases } from '@/db/schema';
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

/** A column of the case row, named with its table (a unit or person is read by a subquery beside it). */
const caseCol = (name: string) => sql.raw(`"admission_cases"."${name}"`);
export type UnitRef = { id: number; name: string; path: string };
/** A unit of the case by its key: one subquery each, so the statement stays one table to plan (a join of five costs the planner more than the read). */
const unitOf = (column: string) => sql<UnitRef | string | null>`(select json_build_object('id', u.id, 'name', u.name, 'path', u.path::text) from units u where u.id = ${caseCol(column)})`;

const caseColumns = {
  id: admissionCases.id,
  state: admissionCases.state,
  version: admissionCases.version,
  round: admissionCases.round,
  personId: admissionCases.personId,
  person: sql<
    Pick<CaseRow, 'fullName' | 'birthDate' | 'gender' | 'nationalId' | 'workplace'> | string
  >`(select json_build_object('fullName', p.full_name, 'birthDate', p.birth_date, 'gender', p.gender, 'nationalId', p.national_id, 'workplace', p.workplace)
    from persons p where p.id = ${caseCol('person_id')})`,
  referrer: unitOf('referrer_unit_id'),
  cell: unitOf('cell_unit_id'),
  committee: unitOf('committee_unit_id'),
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

type RawCase = Awaited<ReturnType<ReturnType<typeof caseQuery>['execute']>>[number];

/** A json column as its value (a driver may hand it over as text). */
function fromJson<T>(v: T | string | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

export function toCase(r: RawCase): CaseRow {
  const { person, referrer, cell, committee, decider, ...rest } = r;
  return {
    ...(rest as Omit<CaseRow, 'fullName' | 'birthDate' | 'gender' | 'nationalId' | 'workplace' | 'referrer' | 'cell' | 'committee' | 'decider'>),
    ...fromJson(person)!,
    referrer: fromJson(referrer)!,
    cell: fromJson(cell)!,
    committee: fromJson(committee),
    decider: fromJson(decider)!,
  };
}

export function caseQuery(tx: Pick<Tx, 'select'>) {
  return tx.select(caseColumns).from(admissionCases);
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
  return toCase(row);
}
