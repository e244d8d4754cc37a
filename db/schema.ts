import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { UNIT_EVENT_KINDS, UNIT_KINDS, UNIT_STATUSES } from '../lib/units/kinds';
import { ROLES } from '../lib/authz/roles';
import { DOCUMENT_KINDS, STATES } from '../lib/admission/states';
import { MEASURES, PERIOD_KINDS } from '../lib/reports/measures';
import { NAME_QUIRK } from '../lib/people/identity';
import { FORM_KINDS } from '../lib/forms/kinds';
import { DIGEST_FREQUENCIES, NOTIFICATION_KINDS } from '../lib/notify/kinds';
import {
  CLASS_KINDS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TYPES,
  FOUNDING_STATES,
  RATING_GRADES,
  MEETING_OUTCOMES,
  MEMBER_EVENT_KINDS,
  MEMBER_STATUSES,
  OCCUPATIONS,
  OWNER_ATTITUDES,
  type SurveyPartner,
} from '../lib/registry/kinds';

/** PostgreSQL ltree: the unit's materialized path of ids ("1.4.17"), GiST-indexed. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The ids of every unit at and above the row's units (the union of their paths): the users of
 * any of these units see the row, so a list narrows to one user's scope with one GIN index
 * (`scope_units @> array[unit]`) instead of a check per row. Kept by the database (the *_derive
 * triggers and units_rescope, see drizzle/0013) from the row's unit columns and the unit tree;
 * whatever the application writes into it is replaced.
 */
const scopeUnits = () =>
  integer('scope_units')
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`);

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    path: ltree('path').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    /** Lower case without diacritics, for the searchable pickers (computed by the database). */
    searchName: text('search_name')
      .generatedAlwaysAs(sql`search_key(name)`)
      .notNull(),
    description: text('description'),
    status: text('status', { enum: UNIT_STATUSES }).notNull().default('active'),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => units.id),
    endedOn: date('ended_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    uniqueIndex('units_path_key').on(t.path),
    index('units_path_gist').using('gist', t.path),
    index('units_parent_idx').on(t.parentId),
    index('units_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('units_name_key').on(sql`(${t.name} collate "und-x-icu")`, t.id),
    check('units_kind_check', sql`${t.kind} in (${inList(UNIT_KINDS)})`),
    check('units_status_check', sql`${t.status} in (${inList(UNIT_STATUSES)})`),
  ],
);

export const unitEvents = pgTable(
  'unit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: UNIT_EVENT_KINDS }).notNull(),
    effectiveOn: date('effective_on').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorId: integer('actor_id').references((): AnyPgColumn => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_events_unit_idx').on(t.unitId, t.effectiveOn), check('unit_events_kind_check', sql`${t.kind} in (${inList(UNIT_EVENT_KINDS)})`)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    /** Lower case without diacritics, for search (computed by the database). */
    searchName: text('search_name')
      .generatedAlwaysAs(sql`search_key(full_name)`)
      .notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit's path, kept by the database (users_derive, units_after_update): the list reads users in tree order from one index. */
    unitPath: ltree('unit_path')
      .notNull()
      .default(sql`''`),
    role: text('role', { enum: ROLES }).notNull(),
    active: boolean('active').notNull().default(true),
    /** Bumped whenever role, unit, password or activity changes: older sessions end. */
    sessionVersion: integer('session_version').notNull().default(1),
    /** Where the reminder digest goes (the user sets it on the profile page); none: no e-mail. */
    email: text('email'),
    /** How often the user wants the reminder digest by e-mail. */
    digest: text('digest', { enum: DIGEST_FREQUENCIES }).notNull().default('none'),
    /** When the last digest was sent (at most one a day). */
    digestSentAt: timestamp('digest_sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_unit_idx').on(t.unitId),
    // The list's order: active accounts first, then in tree order, then by name.
    index('users_list_key').on(sql`(not ${t.active})`, t.unitPath, sql`(${t.fullName} collate "und-x-icu")`, t.id),
    index('users_unit_path_gist').using('gist', t.unitPath),
    index('users_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('users_username_trgm').using('gin', sql`${t.username} gin_trgm_ops`),
    check('users_role_check', sql`${t.role} in (${inList(ROLES)})`),
    check('users_username_lower', sql`${t.username} = lower(${t.username})`),
    check('users_digest_check', sql`${t.digest} in (${inList(DIGEST_FREQUENCIES)})`),
  ],
);

/** Failed logins per username, for throttling (the rule set holds the limits). */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at)],
);

/**
 * Sessions ended by logging out: a session's token (a signed cookie) stays valid until it
 * expires, so the server remembers the ids of the ones ended until then. Ending all of a user's
 * sessions bumps users.session_version instead.
 */
export const endedSessions = pgTable(
  'ended_sessions',
  {
    sid: text('sid').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ended_sessions_expires_idx').on(t.expiresAt)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    /** The unit the change belongs to, so an admin can read the log of their subtree. */
    unitId: integer('unit_id').references(() => units.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    // The log is read newest first by (at, id): the whole scope, one actor, one action, one unit's
    // rows each from its own index in that order, a period as a range of it (lib/dal/audit.ts).
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_unit_idx').on(t.unitId, t.at, t.id),
    index('audit_log_actor_at_idx').on(t.actorId, t.at, t.id),
    index('audit_log_action_at_idx').on(t.action, t.at, t.id),
  ],
);

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/**
 * Versioned statutory numbers (ages, validity, vote thresholds, deadlines, minimum members,
 * rating bands). A step is checked against the version in force on the step's date.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: serial('id').primaryKey(),
    effectiveFrom: date('effective_from').notNull(),
    label: text('label').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    /** Why a version was added with a date already past (required then, audited). */
    reason: text('reason'),
    /** The keys of `values` whose number could not be confirmed from the source (shown marked). */
    unconfirmed: jsonb('unconfirmed').$type<string[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rule_sets_effective_from_key').on(t.effectiveFrom)],
);

export const CALENDAR_DAY_KINDS = ['day_off', 'working_day'] as const;

/**
 * The official calendar's exceptions, for deadlines counted in working days: days off on a
 * weekday (holidays, Tết, swapped days) and working days on a weekend (the make-up Saturdays the
 * government sets when it swaps a day, e.g. Saturday 04/05/2024).
 */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CALENDAR_DAY_KINDS }).notNull().default('day_off'),
  },
  (t) => [check('holidays_kind_check', sql`${t.kind} in ('day_off', 'working_day')`)],
);

export const CALENDAR_YEAR_STATUSES = ['announced', 'provisional'] as const;

/** Whether a year's days off are as the government announced them, or expected until it does (with the source). */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    status: text('status', { enum: CALENDAR_YEAR_STATUSES }).notNull(),
    source: text('source').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_years_status_check', sql`${t.status} in ('announced', 'provisional')`)],
);

export const GENDERS = ['male', 'female'] as const;

/** A person known to the portal: an outstanding person referred for admission, later a member. */
export const persons = pgTable(
  'persons',
  {
    id: serial('id').primaryKey(),
    fullName: text('full_name').notNull(),
    /** Lower case without diacritics, for search ("nguyen" finds "Nguyễn"). */
    searchName: text('search_name').notNull(),
    birthDate: date('birth_date').notNull(),
    gender: text('gender', { enum: GENDERS }).notNull(),
    nationalId: text('national_id'),
    phone: text('phone'),
    workplace: text('workplace'),
    /** The unit that registered the person (a union/youth branch, or a cell). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_national_id_key').on(t.nationalId),
    index('persons_unit_idx').on(t.unitId),
    // The duplicate-person check over the whole country: the same birth date and name.
    index('persons_birth_name_idx').on(t.birthDate, t.searchName),
    index('persons_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    check('persons_gender_check', sql`${t.gender} in ('male', 'female')`),
    check('persons_national_id_format', sql`${t.nationalId} is null or ${t.nationalId} ~ '^[0-9]{12}$'`),
  ],
);

/** Who opened which person's record, and when (Decree 13/2023 on personal data). */
export const personAccessLog = pgTable(
  'person_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The paper's file that was opened, when the opening was of a file rather than the record. */
    fileId: integer('file_id').references((): AnyPgColumn => caseDocumentFiles.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Read newest first by (at, id): all of a scope, one user's or one person's openings (lib/dal/access-log.ts).
  (t) => [index('person_access_person_idx').on(t.personId, t.at, t.id), index('person_access_user_idx').on(t.userId, t.at, t.id), index('person_access_at_idx').on(t.at, t.id)],
);

/**
 * One person's way from referral to official membership. The state is the workflow's; the data
 * layer changes it only by a guarded update (expected state and version) with an event row.
 */
export const admissionCases = pgTable(
  'admission_cases',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    state: text('state', { enum: STATES }).notNull().default('referral_draft'),
    version: integer('version').notNull().default(1),
    /** Return rounds so far (each return for revision starts a new one). */
    round: integer('round').notNull().default(1),
    referrerUnitId: integer('referrer_unit_id')
      .notNull()
      .references(() => units.id),
    cellUnitId: integer('cell_unit_id')
      .notNull()
      .references(() => units.id),
    committeeUnitId: integer('committee_unit_id').references(() => units.id),
    deciderUnitId: integer('decider_unit_id')
      .notNull()
      .references(() => units.id),
    certificateNo: text('certificate_no'),
    certificateIssuedOn: date('certificate_issued_on'),
    /** The class enrolment that issued the certificate, when it was issued in the portal. */
    certificateEnrolmentId: integer('certificate_enrolment_id').references((): AnyPgColumn => classEnrolments.id),
    withUnionResolution: boolean('with_union_resolution').notNull().default(true),
    sponsors: jsonb('sponsors').$type<{ name: string; note?: string }[]>().notNull().default([]),
    cellMeetingOn: date('cell_meeting_on'),
    cellVotesFor: integer('cell_votes_for'),
    cellEligible: integer('cell_eligible'),
    committeeMeetingOn: date('committee_meeting_on'),
    committeeVotesFor: integer('committee_votes_for'),
    committeeMembers: integer('committee_members'),
    decisionNo: text('decision_no'),
    decisionOn: date('decision_on'),
    ceremonyOn: date('ceremony_on'),
    probationEndsOn: date('probation_ends_on'),
    proposesRemoval: boolean('proposes_removal').notNull().default(false),
    recognitionDecisionNo: text('recognition_decision_no'),
    recognitionDecisionOn: date('recognition_decision_on'),
    /** Deadline of the step the case waits for (working days, rule set and holidays applied). */
    dueOn: date('due_on'),
    /** The day the referral was first sent to the cell (set once; reports count introductions by it). */
    submittedOn: date('submitted_on'),
    lastReturnReason: text('last_return_reason'),
    /** Units whose users see the case: those at and above its referrer, cell, committee and decider. */
    scopeUnits: scopeUnits(),
    /** The person's search key, copied by the database from persons (name search without a join). */
    searchName: text('search_name').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('admission_cases_scope_gin').using('gin', t.scopeUnits),
    index('admission_cases_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    // The list's order: soonest deadline first (none last), newest first on the same day.
    index('admission_cases_list_key').on(sql`(coalesce(${t.dueOn}, 'infinity'::date))`, sql`(- ${t.id})`),
    index('admission_cases_state_idx').on(t.state, t.dueOn),
    index('admission_cases_referrer_idx').on(t.referrerUnitId, t.state),
    index('admission_cases_cell_idx').on(t.cellUnitId, t.state),
    index('admission_cases_submitted_idx').on(t.submittedOn),
    index('admission_cases_committee_idx').on(t.committeeUnitId, t.state),
    index('admission_cases_decider_idx').on(t.deciderUnitId, t.state),
    index('admission_cases_person_idx').on(t.personId),
    check('admission_cases_state_check', sql`${t.state} in (${inList(STATES)})`),
  ],
);

/** The timeline: every transition taken, by whom, with its comment and any overridden checks. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => admissionCases.id),
    round: integer('round').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state', { enum: STATES }).notNull(),
    toState: text('to_state', { enum: STATES }).notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    actorUnitId: integer('actor_unit_id')
      .notNull()
      .references(() => units.id),
    effectiveOn: date('effective_on').notNull(),
    comment: text('comment'),
    /** Rule checks that failed and were overridden, each with the leader's written reason. */
    overrides: jsonb('overrides').$type<{ check: string; reason: string }[]>().notNull().default([]),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ruleSetId: integer('rule_set_id').references(() => ruleSets.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/**
 * Papers attached to a case: what the paper is (kind, title, number, date). It counts for the
 * workflow when it has a current file (case_document_files) or when a leader recorded, with
 * `on_file_reason`, that the signed paper is held on file at the unit. Never deleted.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => admissionCases.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    number: text('number'),
    issuedOn: date('issued_on'),
    /** A leader's reason for counting the paper without a scan: the signed paper is kept at the unit. */
    onFileReason: text('on_file_reason'),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId), check('case_documents_kind_check', sql`${t.kind} in (${inList(DOCUMENT_KINDS)})`)],
);

/**
 * The files (scans, photos, drafts) of a paper, one row per page in `page` order. Replacing a
 * paper's files marks the old ones `replaced_at` and keeps them: the history holds every file a
 * step may have relied on. The bytes live behind the file store (lib/files/store.ts).
 */
export const caseDocumentFiles = pgTable(
  'case_document_files',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => caseDocuments.id),
    /** The paper's case, repeated so a file is found in scope with one join. */
    caseId: integer('case_id')
      .notNull()
      .references(() => admissionCases.id),
    page: integer('page').notNull(),
    fileName: text('file_name').notNull(),
    /** Detected from the content, never taken from the name or the browser. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    replacedBy: integer('replaced_by').references(() => users.id),
  },
  (t) => [index('case_document_files_document_idx').on(t.documentId, t.page), index('case_document_files_case_idx').on(t.caseId)],
);

/** File contents kept in the database (the default file store): the backup holds them, PGlite works the same. */
export const storedFiles = pgTable('stored_files', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sizeBytes: integer('size_bytes').notNull(),
  content: customType<{ data: Buffer }>({ dataType: () => 'bytea' })('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Administrators' replacements of the portal's form templates (.docx), versioned like the rule
 * set: the version in force on a document's date is the newest with `effective_from` on or before
 * it; before the first, the template shipped in lib/forms/templates.
 */
export const formTemplates = pgTable(
  'form_templates',
  {
    id: serial('id').primaryKey(),
    form: text('form', { enum: FORM_KINDS }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('form_templates_form_effective_key').on(t.form, t.effectiveFrom), check('form_templates_form_check', sql`${t.form} in (${inList(FORM_KINDS)})`)],
);

/**
 * Non-state enterprises. The managing unit (usually the ward committee) holds the record; the
 * party organisation, trade union and youth union are units of the tree when they exist.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower case without diacritics, for search. */
    searchName: text('search_name').notNull(),
    /** Compact digits: 10, or 13 for a branch. */
    taxCode: text('tax_code').notNull(),
    type: text('type', { enum: ENTERPRISE_TYPES }).notNull(),
    foreignInvested: boolean('foreign_invested').notNull().default(false),
    address: text('address').notNull(),
    managingUnitId: integer('managing_unit_id')
      .notNull()
      .references(() => units.id),
    /** Industrial zone or cluster (khu, cụm công nghiệp), if any. */
    zone: text('zone'),
    workforce: integer('workforce').notNull().default(0),
    hasTradeUnion: boolean('has_trade_union').notNull().default(false),
    tradeUnionUnitId: integer('trade_union_unit_id').references(() => units.id),
    hasYouthUnion: boolean('has_youth_union').notNull().default(false),
    youthUnionUnitId: integer('youth_union_unit_id').references(() => units.id),
    ownerName: text('owner_name'),
    ownerIsMember: boolean('owner_is_member').notNull().default(false),
    /** The enterprise's own party organisation (a cell or grassroots committee), if founded. */
    partyUnitId: integer('party_unit_id').references(() => units.id),
    status: text('status', { enum: ENTERPRISE_STATUSES }).notNull().default('operating'),
    /** Units whose users see the enterprise: those at and above its managing unit and its organisations. */
    scopeUnits: scopeUnits(),
    /** Official members working here and counted in a cell (active or temporarily elsewhere), counted by the database: the founding priority list ranks by it. */
    officialMembers: integer('official_members').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_tax_code_key').on(t.taxCode),
    index('enterprises_tax_code_prefix').on(sql`${t.taxCode} text_pattern_ops`),
    // The zones of a wide scope, read one value at a time (listZones).
    index('enterprises_zone_idx')
      .on(t.zone)
      .where(sql`${t.zone} is not null`),
    index('enterprises_scope_gin').using('gin', t.scopeUnits),
    index('enterprises_name_key').on(sql`(${t.name} collate "und-x-icu")`, t.id),
    // The founding priority list: operating enterprises without a party organisation, readiest first.
    index('enterprises_priority_key')
      .on(sql`${t.officialMembers} desc`, sql`${t.workforce} desc`, t.id)
      .where(sql`${t.status} = 'operating' and ${t.partyUnitId} is null`),
    index('enterprises_managing_unit_idx').on(t.managingUnitId, t.status),
    index('enterprises_party_unit_idx').on(t.partyUnitId),
    index('enterprises_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    check('enterprises_type_check', sql`${t.type} in (${inList(ENTERPRISE_TYPES)})`),
    check('enterprises_status_check', sql`${t.status} in (${inList(ENTERPRISE_STATUSES)})`),
    check('enterprises_tax_code_format', sql`${t.taxCode} ~ '^[0-9]{10}([0-9]{3})?$'`),
    check('enterprises_workforce_check', sql`${t.workforce} >= 0`),
  ],
);

/** A survey round of enterprises (khảo sát), organised by a committee with its partners. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    /** The partners taking part, each with how many of its bodies ("14 ward committees"). */
    participants: jsonb('participants').$type<SurveyPartner[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_rounds_unit_idx').on(t.unitId, t.heldOn)],
);

/** What a survey round found at one enterprise. */
export const surveyFindings = pgTable(
  'survey_findings',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    membersWorking: integer('members_working').notNull().default(0),
    unionPresent: boolean('union_present').notNull().default(false),
    ownerAttitude: text('owner_attitude', { enum: OWNER_ATTITUDES }).notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_findings_round_enterprise_key').on(t.roundId, t.enterpriseId),
    index('survey_findings_enterprise_idx').on(t.enterpriseId),
    check('survey_findings_attitude_check', sql`${t.ownerAttitude} in (${inList(OWNER_ATTITUDES)})`),
    check('survey_findings_members_check', sql`${t.membersWorking} >= 0`),
  ],
);

/** Meetings with enterprise owners (gặp gỡ, vận động chủ doanh nghiệp). */
export const ownerMeetings = pgTable(
  'owner_meetings',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The committee that met the owner. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    metOn: date('met_on').notNull(),
    attendees: text('attendees').notNull(),
    outcome: text('outcome', { enum: MEETING_OUTCOMES }).notNull(),
    summary: text('summary'),
    nextStep: text('next_step'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('owner_meetings_enterprise_idx').on(t.enterpriseId, t.metOn),
    index('owner_meetings_unit_idx').on(t.unitId, t.metOn),
    // The latest meetings of a wide scope, newest first.
    index('owner_meetings_met_on_idx').on(t.metOn, t.id),
    check('owner_meetings_outcome_check', sql`${t.outcome} in (${inList(MEETING_OUTCOMES)})`),
  ],
);

/**
 * Party members. One row per person, so a member is in exactly one cell (cell_unit_id) at any
 * time: a transfer is pending (transfer_to_unit_id) until the receiving cell takes the member
 * in, and temporary activity names a host cell without moving the member. Probationary until
 * official_on is set.
 */
export const partyMembers = pgTable(
  'party_members',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    cellUnitId: integer('cell_unit_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** The cell where the member was admitted (reports count an admission there, once, whatever moves follow). */
    admittedCellUnitId: integer('admitted_cell_unit_id').references(() => units.id),
    occupation: text('occupation', { enum: OCCUPATIONS }).notNull().default('other'),
    admittedOn: date('admitted_on').notNull(),
    officialOn: date('official_on'),
    cardNo: text('card_no'),
    status: text('status', { enum: MEMBER_STATUSES }).notNull().default('active'),
    /** A transfer of party activity sent by the cell and not yet received. */
    transferToUnitId: integer('transfer_to_unit_id').references(() => units.id),
    transferOutOn: date('transfer_out_on'),
    /** Temporary activity in another cell (not counted there). */
    hostUnitId: integer('host_unit_id').references(() => units.id),
    admissionCaseId: integer('admission_case_id').references(() => admissionCases.id),
    /** The admission decision's number, for a member admitted before the portal (a past decision entered as a record). */
    admissionDecisionNo: text('admission_decision_no'),
    /** Units whose users see the member: those at and above the cell, the cell receiving a transfer and the host cell. */
    scopeUnits: scopeUnits(),
    /** The person's name and search key, copied by the database from persons, so a page in name order is read from one index. */
    fullName: text('full_name').notNull().default(''),
    searchName: text('search_name').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_members_scope_gin').using('gin', t.scopeUnits),
    index('party_members_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('party_members_name_key').on(sql`(${t.fullName} collate "und-x-icu")`, t.id),
    // A name search: matches after the first letter (the list reads the name's start in name order) ...
    index('party_members_search_tail_trgm').using('gin', sql`(substr(${t.searchName}, 2)) gin_trgm_ops`),
    // ... and the few names whose letters may sort apart from their search key.
    index('party_members_search_quirk')
      .on(sql`${t.searchName} text_pattern_ops`)
      .where(sql`${t.fullName} ~ ${sql.raw(`'${NAME_QUIRK}'`)}`),
    // Admissions of a window nationally (the month chart), read from the index alone.
    index('party_members_admitted_on_idx').on(t.admittedOn, t.admittedCellUnitId),
    // Filters of the list that may keep few rows of a large scope (a status, an occupation, the probationary).
    index('party_members_status_idx').on(t.status),
    index('party_members_occupation_idx').on(t.occupation),
    index('party_members_official_on_idx').on(t.officialOn),
    uniqueIndex('party_members_person_key').on(t.personId),
    uniqueIndex('party_members_card_key').on(t.cardNo),
    index('party_members_cell_idx').on(t.cellUnitId, t.status),
    index('party_members_enterprise_idx').on(t.enterpriseId),
    index('party_members_transfer_idx').on(t.transferToUnitId),
    // The transfers waiting to be received, oldest first, with where each goes (read without the table).
    index('party_members_incoming_idx')
      .on(t.transferOutOn, t.id, t.transferToUnitId)
      .where(sql`${t.transferToUnitId} is not null`),
    index('party_members_host_idx').on(t.hostUnitId),
    index('party_members_admitted_idx').on(t.admittedCellUnitId, t.admittedOn),
    check('party_members_occupation_check', sql`${t.occupation} in (${inList(OCCUPATIONS)})`),
    check('party_members_status_check', sql`${t.status} in (${inList(MEMBER_STATUSES)})`),
    check('party_members_official_after_admitted', sql`${t.officialOn} is null or ${t.officialOn} >= ${t.admittedOn}`),
    check('party_members_transfer_pair', sql`(${t.transferToUnitId} is null) = (${t.transferOutOn} is null)`),
  ],
);

/** A member's history: admission, recognition, transfers, temporary activity, status changes. */
export const memberEvents = pgTable(
  'member_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => partyMembers.id),
    kind: text('kind', { enum: MEMBER_EVENT_KINDS }).notNull(),
    fromUnitId: integer('from_unit_id').references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
    effectiveOn: date('effective_on').notNull(),
    note: text('note'),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_events_member_idx').on(t.memberId, t.id), check('member_events_kind_check', sql`${t.kind} in (${inList(MEMBER_EVENT_KINDS)})`)],
);

/**
 * Founding a party organisation in an enterprise: a proposal (enterprise, members to move in,
 * parent unit) and the superior committee's decision, which creates the cell, moves the members
 * and links the enterprise in one transaction.
 */
export const foundingProposals = pgTable(
  'founding_proposals',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    proposedByUnitId: integer('proposed_by_unit_id')
      .notNull()
      .references(() => units.id),
    parentUnitId: integer('parent_unit_id')
      .notNull()
      .references(() => units.id),
    /** The committee that decides (the district-level committee above or at the parent). */
    deciderUnitId: integer('decider_unit_id')
      .notNull()
      .references(() => units.id),
    cellName: text('cell_name').notNull(),
    memberIds: jsonb('member_ids').$type<number[]>().notNull(),
    proposedOn: date('proposed_on').notNull(),
    state: text('state', { enum: FOUNDING_STATES }).notNull().default('proposed'),
    decisionNo: text('decision_no'),
    decisionOn: date('decision_on'),
    secretaryMemberId: integer('secretary_member_id').references(() => partyMembers.id),
    newUnitId: integer('new_unit_id').references(() => units.id),
    rejectReason: text('reject_reason'),
    /** A founding decided before the portal, entered from the records (decided at once, no live workflow). */
    fromRecords: boolean('from_records').notNull().default(false),
    /** Units whose users see the proposal: those at and above the proposer, the parent and the decider. */
    scopeUnits: scopeUnits(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('founding_proposals_enterprise_idx').on(t.enterpriseId, t.state),
    index('founding_proposals_decider_idx').on(t.deciderUnitId, t.state),
    index('founding_proposals_scope_gin').using('gin', t.scopeUnits),
    // One open proposal per enterprise.
    uniqueIndex('founding_proposals_open_key')
      .on(t.enterpriseId)
      .where(sql`${t.state} = 'proposed'`),
    check('founding_proposals_state_check', sql`${t.state} in (${inList(FOUNDING_STATES)})`),
  ],
);

/** Awareness classes and new-member courses, organised by a committee. */
export const classes = pgTable(
  'classes',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: CLASS_KINDS }).notNull(),
    organiserUnitId: integer('organiser_unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** The title in lower case without diacritics, for the list's search. */
    searchName: text('search_name')
      .generatedAlwaysAs(sql`search_key(title)`)
      .notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    /** People enrolled and certified, counted by the database (trigger on class_enrolments). */
    enrolled: integer('enrolled').notNull().default(0),
    certified: integer('certified').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('classes_organiser_idx').on(t.organiserUnitId, t.startOn),
    index('classes_list_key').on(sql`${t.startOn} desc`, sql`${t.id} desc`),
    index('classes_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    check('classes_kind_check', sql`${t.kind} in (${inList(CLASS_KINDS)})`),
    check('classes_dates_check', sql`${t.endOn} >= ${t.startOn}`),
  ],
);

/** A person enrolled in a class: a candidate or a new member; completion and certificate. */
export const classEnrolments = pgTable(
  'class_enrolments',
  {
    id: serial('id').primaryKey(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    completed: boolean('completed').notNull().default(false),
    certificateNo: text('certificate_no'),
    certificateOn: date('certificate_on'),
    enrolledBy: integer('enrolled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('class_enrolments_class_person_key').on(t.classId, t.personId),
    index('class_enrolments_person_idx').on(t.personId),
    check('class_enrolments_certificate_check', sql`(${t.certificateNo} is null) = (${t.certificateOn} is null)`),
  ],
);

/** Yearly ratings of members (by their cell) and of organisations (by the committee above). */
export const ratings = pgTable(
  'ratings',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    memberId: integer('member_id').references(() => partyMembers.id),
    unitId: integer('unit_id').references(() => units.id),
    score: integer('score'),
    grade: text('grade', { enum: RATING_GRADES }).notNull(),
    ratedByUnitId: integer('rated_by_unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_member_year_key')
      .on(t.memberId, t.year)
      .where(sql`${t.memberId} is not null`),
    uniqueIndex('ratings_unit_year_key')
      .on(t.unitId, t.year)
      .where(sql`${t.unitId} is not null`),
    check('ratings_subject_check', sql`(${t.memberId} is null) <> (${t.unitId} is null)`),
    check('ratings_grade_check', sql`${t.grade} in (${inList(RATING_GRADES)})`),
    check('ratings_score_check', sql`${t.score} is null or (${t.score} between 0 and 100)`),
  ],
);

/** Ward members assigned to take part in an enterprise cell (start, end, role), as the Mỹ Tho committee does. */
export const memberAssignments = pgTable(
  'member_assignments',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => partyMembers.id),
    cellUnitId: integer('cell_unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    assignedByUnitId: integer('assigned_by_unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_assignments_member_idx').on(t.memberId),
    index('member_assignments_cell_idx').on(t.cellUnitId),
    check('member_assignments_dates_check', sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
);

/**
 * Targets set by a committee for a unit directly below it (or for itself), per year or per term,
 * on one measure; optionally citing the directive they come from.
 */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    setByUnitId: integer('set_by_unit_id')
      .notNull()
      .references(() => units.id),
    measure: text('measure', { enum: MEASURES }).notNull(),
    periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to').notNull(),
    value: integer('value').notNull(),
    directiveNo: text('directive_no'),
    directiveOn: date('directive_on'),
    directiveIssuer: text('directive_issuer'),
    directiveTitle: text('directive_title'),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('targets_unit_measure_period_key').on(t.unitId, t.measure, t.yearFrom, t.yearTo),
    check('targets_measure_check', sql`${t.measure} in (${inList(MEASURES)})`),
    check('targets_period_check', sql`${t.periodKind} in (${inList(PERIOD_KINDS)}) and ${t.yearTo} >= ${t.yearFrom}`),
    check('targets_value_check', sql`${t.value} >= 0`),
  ],
);

// ------------------------------------------------------------------ tallies

/**
 * What each unit holds now, counted by the database in the transactions that change it (the
 * *_tally triggers, drizzle/0013): a dashboard sums the rows of a subtree (`path <@ root`)
 * instead of scanning a million members. Rows exist for units that hold something; a unit's own
 * records only (a subtree is the sum of its units). `kind`, `parent_kind` and `active` are the
 * unit's, kept with it, so the organisations figure needs no join. `unit_tallies_expected`
 * (a view) computes the same figures from the records: the tests compare the two.
 */
export const unitTallies = pgTable(
  'unit_tallies',
  {
    unitId: integer('unit_id')
      .primaryKey()
      .references(() => units.id),
    path: ltree('path').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    parentKind: text('parent_kind', { enum: UNIT_KINDS }),
    active: boolean('active').notNull(),
    /** Members counted in this cell (active or temporarily elsewhere); of them working in a registered enterprise; owners and direct production workers among those. */
    members: integer('members').notNull().default(0),
    membersInEnterprises: integer('members_in_enterprises').notNull().default(0),
    memberOwners: integer('member_owners').notNull().default(0),
    memberWorkers: integer('member_workers').notNull().default(0),
    /** Open admission cases whose cell is this unit, by state. */
    casesReferralDraft: integer('cases_referral_draft').notNull().default(0),
    casesReferred: integer('cases_referred').notNull().default(0),
    casesCellReview: integer('cases_cell_review').notNull().default(0),
    casesCommitteeReview: integer('cases_committee_review').notNull().default(0),
    casesDecisionPending: integer('cases_decision_pending').notNull().default(0),
    casesCeremonyPending: integer('cases_ceremony_pending').notNull().default(0),
    casesProbation: integer('cases_probation').notNull().default(0),
    casesRecognitionCellReview: integer('cases_recognition_cell_review').notNull().default(0),
    casesRecognitionCommitteeReview: integer('cases_recognition_committee_review').notNull().default(0),
    casesRecognitionDecisionPending: integer('cases_recognition_decision_pending').notNull().default(0),
    /** Operating enterprises this unit manages, and those with a party organisation, a trade union, a youth union. */
    enterprisesOperating: integer('enterprises_operating').notNull().default(0),
    enterprisesWithParty: integer('enterprises_with_party').notNull().default(0),
    enterprisesWithUnion: integer('enterprises_with_union').notNull().default(0),
    enterprisesWithYouth: integer('enterprises_with_youth').notNull().default(0),
    /** Enterprises (any status) whose party organisation this unit is. */
    enterpriseLinks: integer('enterprise_links').notNull().default(0),
  },
  (t) => [index('unit_tallies_path_gist').using('gist', t.path)],
);

/**
 * What happened at each unit in each year, counted by the database like unit_tallies:
 * admissions at the cell where they took place (with those working in a registered
 * enterprise, owners, direct production workers), people introduced (referrals first
 * submitted, by their cell), and the year's ratings (members by their current cell,
 * organisations by themselves) by grade.
 */
export const unitYearTallies = pgTable(
  'unit_year_tallies',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    path: ltree('path').notNull(),
    admitted: integer('admitted').notNull().default(0),
    admittedNonstate: integer('admitted_nonstate').notNull().default(0),
    admittedOwners: integer('admitted_owners').notNull().default(0),
    admittedWorkers: integer('admitted_workers').notNull().default(0),
    introduced: integer('introduced').notNull().default(0),
    memberExcellent: integer('member_excellent').notNull().default(0),
    memberGood: integer('member_good').notNull().default(0),
    memberCompleted: integer('member_completed').notNull().default(0),
    memberNotCompleted: integer('member_not_completed').notNull().default(0),
    orgExcellent: integer('org_excellent').notNull().default(0),
    orgGood: integer('org_good').notNull().default(0),
    orgCompleted: integer('org_completed').notNull().default(0),
    orgNotCompleted: integer('org_not_completed').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.year] }),
    index('unit_year_tallies_path_gist').using('gist', t.path),
    // A year's figures of a wide subtree, read from the index alone (a year's rows lie scattered in the table).
    index('unit_year_tallies_year_idx').on(
      t.year,
      t.path,
      t.admitted,
      t.admittedNonstate,
      t.admittedOwners,
      t.admittedWorkers,
      t.introduced,
      t.memberExcellent,
      t.memberGood,
      t.memberCompleted,
      t.memberNotCompleted,
      t.orgExcellent,
      t.orgGood,
      t.orgCompleted,
      t.orgNotCompleted,
    ),
  ],
);

/**
 * Per unit, its whole subtree counted (drizzle/0020): the active units strictly below it and the
 * active user accounts at it or below it. Kept by the database in the transactions that add,
 * move, merge or dissolve units and that add, move or deactivate accounts (each change adds to
 * the rows of the unit's ancestors), so a unit page lists its children's figures by key at any
 * depth instead of counting a country's units. A missing row counts as zeros.
 */
export const unitSubtreeCounts = pgTable('unit_subtree_counts', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  unitsBelow: integer('units_below').notNull().default(0),
  activeUsers: integer('active_users').notNull().default(0),
});

/**
 * Reminders, one row per recipient: written in the transaction of the case step that causes them
 * (awaiting, returned) or by the reminder job (due_soon, overdue). `dedupe_key` names the event,
 * so a job run twice, or a step retried, adds nothing: unique per user.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => admissionCases.id),
    /** The case's stage when the notification was written. */
    caseState: text('case_state', { enum: STATES }).notNull(),
    /** The step's deadline when the notification was written. */
    dueOn: date('due_on'),
    /** A returned case's reason. */
    note: text('note'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    // The list (newest first) and the unread count read one user's rows from these.
    index('notifications_user_list').on(t.userId, sql`${t.id} desc`),
    index('notifications_user_unread')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_case_idx').on(t.caseId),
    check('notifications_kind_check', sql`${t.kind} in (${inList(NOTIFICATION_KINDS)})`),
    check('notifications_case_state_check', sql`${t.caseState} in (${inList(STATES)})`),
  ],
);
