// Enterprise and engagement enums as `as const` arrays shared by Drizzle, zod and the UI (no imports: the schema uses them).

export const ENTERPRISE_TYPES = ['private', 'llc', 'joint_stock', 'partnership', 'cooperative', 'fdi'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'dissolved'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** Who took part in a survey round besides the organising committee. */
export const SURVEY_PARTICIPANTS = ['ward_committees', 'tax_office', 'social_insurance', 'labour_federation', 'youth_union'] as const;
export type SurveyParticipant = (typeof SURVEY_PARTICIPANTS)[number];
/** A partner taking part in a survey round, with how many of its bodies took part ("14 ward committees"). */
export type SurveyPartner = { kind: SurveyParticipant; count: number };

export const OWNER_ATTITUDES = ['supportive', 'neutral', 'reluctant'] as const;
export type OwnerAttitude = (typeof OWNER_ATTITUDES)[number];

/** How a meeting with an owner ended: "persuaded" is what reports count. */
export const MEETING_OUTCOMES = ['persuaded', 'considering', 'declined'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Unit kinds that may manage enterprises (committees; never a cell or a branch). */
export const MANAGING_KINDS = ['province', 'district', 'bloc', 'grassroots', 'ward'] as const;
/** Unit kinds that are an enterprise's party organisation. */
export const PARTY_ORG_KINDS = ['cell', 'grassroots'] as const;

/** A member's occupation category, as reports count them. */
export const OCCUPATIONS = ['direct_worker', 'owner', 'manager', 'office', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/**
 * Where a member stands. `active` members are counted in their cell; `temporary_elsewhere`
 * members take part in a host cell for a while but are still counted (only) in their own;
 * `transferred_out` left the portal's hierarchy.
 */
export const MEMBER_STATUSES = ['active', 'temporary_elsewhere', 'transferred_out', 'removed', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** The statuses still counted in a member's cell (temporary activity elsewhere does not move them). */
export const COUNTED_STATUSES: readonly MemberStatus[] = ['active', 'temporary_elsewhere'];

export const MEMBER_EVENT_KINDS = [
  'registered',
  'admitted',
  'recognised',
  'transfer_out',
  'transfer_in',
  'transfer_cancelled',
  'temporary_start',
  'temporary_end',
  'left',
  'status',
  'assigned',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

export const FOUNDING_STATES = ['proposed', 'decided', 'rejected'] as const;
export type FoundingState = (typeof FOUNDING_STATES)[number];

/** Awareness classes for candidates (bồi dưỡng nhận thức về Đảng), political courses for new members. */
export const CLASS_KINDS = ['awareness', 'new_member'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];

/** Yearly ratings (the score bands are in the rule set). */
export const RATING_GRADES = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

/** An enterprise as the form and the import enter it (unit links by id). */
export type EnterpriseRecord = {
  name: string;
  taxCode: string;
  type: EnterpriseType;
  foreignInvested: boolean;
  address: string;
  managingUnitId: number;
  zone?: string;
  workforce: number;
  hasTradeUnion: boolean;
  tradeUnionUnitId?: number;
  hasYouthUnion: boolean;
  youthUnionUnitId?: number;
  ownerName?: string;
  ownerIsMember: boolean;
  partyUnitId?: number;
  status: EnterpriseStatus;
};

/** A party member as the form, the import and the demo seed enter them. */
export type MemberRecord = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  nationalId?: string;
  phone?: string;
  cellUnitId: number;
  enterpriseId?: number;
  occupation: Occupation;
  admittedOn: string;
  officialOn?: string;
  cardNo?: string;
};
