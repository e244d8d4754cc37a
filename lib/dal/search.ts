import 'server-only';
import { searchKey } from '@/lib/people/identity';
import { listCases, type CaseListItem } from './case-lists';
import { listEnterprises, type EnterpriseListItem } from './enterprises';
import { listMembers } from './members';
import { type MemberListItem } from './member-row';
import type { PickOption } from './pick';
import { requireUser } from './session';
import { searchUnits } from './units';

/** How many matches of each kind the search shows; "more" opens the kind's own list with the same search. */
export const SEARCH_PER_KIND = 5;

type Found<T> = { items: T[]; total: number | null; totalCapped: boolean; more: boolean };

export type SearchResults = {
  q: string;
  /** The search was too short to run (nothing was read). */
  tooShort: boolean;
  members: Found<MemberListItem>;
  enterprises: Found<EnterpriseListItem>;
  cases: Found<CaseListItem>;
  units: Found<PickOption>;
};

/** Shorter than this (without diacritics and spaces) finds nothing: a letter or two would match most of a scope. */
export const SEARCH_MIN_LENGTH = 2;

/**
 * One search over the members, enterprises, admission cases and units of the user's scope,
 * diacritics optional. Each kind is the first page (SEARCH_PER_KIND rows) of that kind's own
 * list with its own search: the same scope in the WHERE clause, the same plan (the scope's or
 * the search's index, or the name order's), the same capped total. Nothing is read outside the
 * user's subtree, and no kind is read whole.
 */
export async function searchEverything(q: string): Promise<SearchResults> {
  await requireUser();
  const text = q.trim().slice(0, 100);
  const empty = { items: [], total: 0, totalCapped: false, more: false };
  if (searchKey(text).replace(/\s/g, '').length < SEARCH_MIN_LENGTH) return { q: text, tooShort: true, members: empty, enterprises: empty, cases: empty, units: empty };
  const page = { size: SEARCH_PER_KIND };
  const [members, enterprises, cases, units] = await Promise.all([listMembers({ q: text }, page), listEnterprises({ q: text }, page), listCases({ q: text }, page), searchUnits({ q: text })]);
  const found = <T>(p: { items: T[]; total: number | null; totalCapped: boolean; next: string | null }): Found<T> => ({
    items: p.items,
    total: p.total,
    totalCapped: p.totalCapped,
    more: p.next !== null,
  });
  return {
    q: text,
    tooShort: false,
    members: found(members),
    enterprises: found(enterprises),
    cases: found(cases),
    units: { items: units.slice(0, SEARCH_PER_KIND), total: null, totalCapped: false, more: units.length > SEARCH_PER_KIND },
  };
}
