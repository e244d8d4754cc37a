import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db';
import { formatDate } from '@/lib/format';
import { searchKey } from '@/lib/people/identity';
import type { MessageKey } from '@/lib/i18n/messages';
import { DalError } from './errors';
import type { CurrentUser } from './session';

/**
 * The one duplicate-person check, for every way a person enters the portal (a union branch's
 * referral, a member registered by hand; the Excel import checks its rows against the same
 * persons table in bulk): the same CCCD, or the same name (NFC or NFD, with or without marks)
 * and birth date.
 *
 * UNSCOPED ON PURPOSE: a person must not get two records in two provinces, so it reads the
 * persons of the whole country. What it returns about a match the user may not see is only that
 * it exists ("this person already has a record elsewhere; ask the organisation board"), never a
 * name, a unit or an id. Read with care; a change here needs a second reviewer.
 */

export type PersonToCheck = { fullName: string; birthDate: string; nationalId?: string | null };

/** A person already known: with where they are when the user may see them, else only that they exist. */
export type SamePerson =
  { visible: true; sameId: boolean; fullName: string; birthDate: string; unitName: string; record: { kind: 'member' | 'case'; id: number } | null } | { visible: false; sameId: boolean };

/**
 * Everyone who may be the same person, across every scope (at most a handful of rows: found by
 * the CCCD's unique index and the (birth date, name) index). A match is visible when the user's
 * subtree holds the person's member record, one of their admission cases, or the unit that
 * registered them.
 */
export async function unscopedSamePeople(tx: Pick<Tx, 'execute'>, user: CurrentUser, p: PersonToCheck): Promise<SamePerson[]> {
  const key = searchKey(p.fullName);
  const id = p.nationalId?.replace(/\s/g, '') || null;
  const rows = rowsOf<{
    same_id: boolean;
    full_name: string;
    birth_date: string;
    member_id: number | null;
    case_id: number | null;
    unit_name: string | null;
    registered_here: boolean;
  }>(
    await tx.execute(sql`
      select p.national_id is not distinct from ${id}::text and ${id}::text is not null as same_id,
        p.full_name, p.birth_date::text as birth_date,
        m.id as member_id, c.id as case_id,
        coalesce(mu.name, cu.name, pu.name) as unit_name,
        pu.path <@ ${user.unitPath}::ltree as registered_here
      from persons p
      join units pu on pu.id = p.unit_id
      left join lateral (select m.id, m.cell_unit_id from party_members m where m.person_id = p.id and m.scope_units @> array[${user.unitId}::integer]) m on true
      left join units mu on mu.id = m.cell_unit_id
      left join lateral (select c.id, c.cell_unit_id from admission_cases c where c.person_id = p.id and c.scope_units @> array[${user.unitId}::integer] order by c.id desc limit 1) c on true
      left join units cu on cu.id = c.cell_unit_id
      where (${id}::text is not null and p.national_id = ${id}::text) or (p.birth_date = ${p.birthDate}::date and p.search_name = ${key})
      limit 20`),
  );
  return rows.map((r): SamePerson => {
    const visible = r.member_id !== null || r.case_id !== null || r.registered_here;
    if (!visible) return { visible: false, sameId: r.same_id };
    return {
      visible: true,
      sameId: r.same_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      unitName: r.unit_name ?? '',
      record: r.member_id !== null ? { kind: 'member', id: r.member_id } : r.case_id !== null ? { kind: 'case', id: r.case_id } : null,
    };
  });
}

function refusal(field: string, key: MessageKey, params: Record<string, string | number>): DalError {
  // The form's own line says only that a field is marked: the finding stands once, beside the confirmation box.
  return new DalError('invalid', 'form.fixErrors', { [field]: key }, params, { [field]: params });
}

type Visible = Extract<SamePerson, { visible: true }>;

/** The message naming a match the user may see: as a member, as an admission case, or as a person registered in their subtree. */
function here(field: string, m: Visible, keys: Record<'member' | 'case' | 'person', MessageKey>): DalError {
  const params = { name: m.fullName, birthDate: formatDate(m.birthDate), unit: m.unitName, id: m.record?.id ?? '' };
  return refusal(field, keys[m.record?.kind ?? 'person'], params);
}

/**
 * Refuse a second record of a person already known: a CCCD already held (always refused, field
 * `nationalId`); the same name and birth date unless the user confirmed it is someone else
 * (field `confirmNotDuplicate`). The message names the match the user may see, and says only
 * "a record elsewhere; ask the organisation board" of one they may not.
 */
export async function assertNotSamePerson(tx: Pick<Tx, 'execute'>, user: CurrentUser, p: PersonToCheck, confirmedDifferent = false): Promise<void> {
  const found = await unscopedSamePeople(tx, user, p);
  const sameId = found.find((f) => f.sameId);
  if (sameId)
    throw sameId.visible
      ? here('nationalId', sameId, { member: 'people.sameId.member', case: 'people.sameId.case', person: 'people.sameId.person' })
      : refusal('nationalId', 'people.sameId.elsewhere', {});
  if (!found.length || confirmedDifferent) return;
  const seen = found.find((f): f is Visible => f.visible);
  throw seen
    ? here('confirmNotDuplicate', seen, { member: 'people.sameName.member', case: 'people.sameName.case', person: 'people.sameName.person' })
    : refusal('confirmNotDuplicate', 'people.sameName.elsewhere', {});
}
