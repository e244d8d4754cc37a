import { z } from 'zod';
import type { UnitKind } from '@/lib/units/kinds';
import { checkbox, id } from '@/lib/validation';
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

/**
 * The link form's fields (the enterprises come as a list, read with idList): the organisation
 * chosen in the picker, asked for by name when left empty or missing, and the confirmation to
 * replace a different link. (An optional schema would let zod skip a missing field unchecked.)
 */
export const linkFormSchema = z.object({
  organisationId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), id])).refine((v): v is number => v !== null, { error: 'enterprises.link.unitRequired' }),
  replace: checkbox,
});
