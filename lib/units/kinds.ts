// Unit kinds and roles as `as const` arrays shared by Drizzle, zod and the UI.

export const UNIT_KINDS = ['national', 'province', 'district', 'bloc', 'grassroots', 'ward', 'cell', 'union_branch', 'youth_branch'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_STATUSES = ['active', 'merged', 'dissolved'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_EVENT_KINDS = ['created', 'renamed', 'edited', 'moved', 'merged_into', 'absorbed', 'dissolved'] as const;
export type UnitEventKind = (typeof UNIT_EVENT_KINDS)[number];

const COMMITTEE_CHILDREN: readonly UnitKind[] = ['district', 'bloc', 'grassroots', 'ward', 'cell', 'union_branch', 'youth_branch'];

/**
 * Which kinds may sit directly under which. Committees hold committees of any lower kind
 * and cells, at any depth (a cell may sit under a district-level committee or under a
 * grassroots committee); a cell may hold the union and youth branches it looks after;
 * union and youth branches hold nothing. The national level (the Central Organisation
 * Commission's view of the whole country) holds the provinces, and a province sits only under it
 * (or, in a database made before the national level existed, is a root).
 */
/** The levels that decide admissions and foundings (district-level, bloc, province committees). */
export const DECIDING_KINDS: readonly UnitKind[] = ['district', 'bloc', 'province'];
/** The units members belong to, directly or below: committees and cells (never a union or youth branch). */
export const MEMBER_UNIT_KINDS: readonly UnitKind[] = ['national', 'province', 'district', 'bloc', 'grassroots', 'ward', 'cell'];
/** The grassroots-level committees between a cell and its deciding level (a ward, a grassroots committee). */
export const COMMITTEE_KINDS: readonly UnitKind[] = ['ward', 'grassroots'];

export const ALLOWED_CHILDREN: Record<UnitKind, readonly UnitKind[]> = {
  national: ['province'],
  province: COMMITTEE_CHILDREN,
  district: COMMITTEE_CHILDREN,
  bloc: COMMITTEE_CHILDREN,
  grassroots: COMMITTEE_CHILDREN,
  ward: COMMITTEE_CHILDREN,
  cell: ['union_branch', 'youth_branch'],
  union_branch: [],
  youth_branch: [],
};

export function canContain(parent: UnitKind, child: UnitKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}
