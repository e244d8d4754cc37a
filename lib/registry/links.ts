import type { UnitKind } from '@/lib/units/kinds';
import { PARTY_ORG_KINDS } from './kinds';

/**
 * An enterprise's links to its organisations: the party organisation (a cell or a grassroots
 * committee), the trade union and the youth union. The kind of the chosen unit decides which.
 */
export const ENTERPRISE_LINKS = ['party', 'tradeUnion', 'youthUnion'] as const;
export type EnterpriseLink = (typeof ENTERPRISE_LINKS)[number];

/** The unit kinds an enterprise may be linked to, in the order a picker asks for them. */
export const LINKABLE_KINDS: readonly UnitKind[] = [...PARTY_ORG_KINDS, 'union_branch', 'youth_branch'];

/** Which link a unit of `kind` is for an enterprise, or null when it cannot be linked (a ward, a district…). */
export function linkFor(kind: UnitKind): EnterpriseLink | null {
  if ((PARTY_ORG_KINDS as readonly UnitKind[]).includes(kind)) return 'party';
  if (kind === 'union_branch') return 'tradeUnion';
  if (kind === 'youth_branch') return 'youthUnion';
  return null;
}
