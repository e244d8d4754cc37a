// The measures a target is set on and a dashboard reports (no imports but types: the schema uses them).
import type { MessageKey } from '@/lib/i18n/messages';

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

/**
 * The dashboard's SQL statements (lib/dal/reports.ts, dashboardStatements), each returning per
 * child key one column named after each measure it counts.
 */
export const MEASURE_SOURCES = ['years', 'founded', 'attendees', 'surveyed', 'owners'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

/** What a drill-down link needs: the report window as a list's query (wUnit, wFrom, wTo), its first and last days, and the period's last year. */
export type DrillDown = { window: string; start: string; end: string; lastYear: number };

export type MeasureDef = {
  label: MessageKey;
  /**
   * How the figure is made: a count, the column of that name in the rows of one statement (the
   * year tallies' column of that name, for `years`); or a share, the percentage of members or of
   * organisations rated good or above (from the year tallies' grade counts, lib/registry/ratings).
   */
  figure: { count: MeasureSource } | { share: 'members' | 'orgs' };
  /** The list the figure was counted from. */
  list: (d: DrillDown) => string;
};

const admittedList = (d: DrillDown) => `/members?${d.window}`;
const engagementList = (d: DrillDown) => `/engagement?from=${d.start}&to=${d.end}`;
const ratingsList = (d: DrillDown) => `/ratings?year=${d.lastYear}`;

/** Every measure, once: its label, where its figure comes from, and the list behind it. */
export const MEASURE_TABLE: { readonly [M in Measure]: MeasureDef } = {
  admitted: { label: 'reports.m.admitted', figure: { count: 'years' }, list: admittedList },
  admitted_nonstate: { label: 'reports.m.admitted_nonstate', figure: { count: 'years' }, list: (d) => `${admittedList(d)}&inEnterprise=1` },
  admitted_owners: { label: 'reports.m.admitted_owners', figure: { count: 'years' }, list: (d) => `${admittedList(d)}&occupation=owner` },
  admitted_workers: { label: 'reports.m.admitted_workers', figure: { count: 'years' }, list: (d) => `${admittedList(d)}&occupation=direct_worker` },
  orgs_founded: { label: 'reports.m.orgs_founded', figure: { count: 'founded' }, list: (d) => `/founding?${d.window}` },
  orgs_founded_fdi: { label: 'reports.m.orgs_founded_fdi', figure: { count: 'founded' }, list: (d) => `/founding?${d.window}&fdi=1` },
  introduced: { label: 'reports.m.introduced', figure: { count: 'years' }, list: (d) => `/cases?${d.window}` },
  awareness_attendees: { label: 'reports.m.awareness_attendees', figure: { count: 'attendees' }, list: (d) => `/classes?kind=awareness&${d.window}` },
  enterprises_surveyed: { label: 'reports.m.enterprises_surveyed', figure: { count: 'surveyed' }, list: engagementList },
  owners_met: { label: 'reports.m.owners_met', figure: { count: 'owners' }, list: engagementList },
  owners_persuaded: { label: 'reports.m.owners_persuaded', figure: { count: 'owners' }, list: engagementList },
  orgs_good_share: { label: 'reports.m.orgs_good_share', figure: { share: 'orgs' }, list: ratingsList },
  members_good_share: { label: 'reports.m.members_good_share', figure: { share: 'members' }, list: ratingsList },
};

/** The measures a statement counts (its columns). */
export function countedBy(source: MeasureSource): Measure[] {
  return MEASURES.filter((m) => {
    const f = MEASURE_TABLE[m].figure;
    return 'count' in f && f.count === source;
  });
}

/** Measures that are percentages (targets and actuals in %), the rest are counts. */
export const SHARE_MEASURES: readonly Measure[] = MEASURES.filter((m) => 'share' in MEASURE_TABLE[m].figure);

export const PERIOD_KINDS = ['year', 'term'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
