// The measures a target is set on and a dashboard reports (no imports: the schema uses them).

export const MEASURES = [
  'admitted',
  'admitted_nonstate',
  'admitted_owners',
  'admitted_workers',
  'orgs_founded',
  'orgs_founded_fdi',
  'introduced',
  'awareness_attendees',
  'enterprises_surveyed',
  'owners_met',
  'owners_persuaded',
  'orgs_good_share',
  'members_good_share',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Measures that are percentages (targets and actuals in %), the rest are counts. */
export const SHARE_MEASURES: readonly Measure[] = ['orgs_good_share', 'members_good_share'];

export const PERIOD_KINDS = ['year', 'term'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
