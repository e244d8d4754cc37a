import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { UNIT_EVENT_KINDS, UNIT_KINDS, UNIT_STATUSES } from '../lib/units/kinds';
import { ROLES } from '../lib/authz/roles';

/** PostgreSQL ltree: the unit's materialized path of ids ("1.4.17"), GiST-indexed. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    path: ltree('path').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
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
  (t) => [
    index('unit_events_unit_idx').on(t.unitId, t.effectiveOn),
    check('unit_events_kind_check', sql`${t.kind} in (${inList(UNIT_EVENT_KINDS)})`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role', { enum: ROLES }).notNull(),
    active: boolean('active').notNull().default(true),
    /** Bumped whenever role, unit, password or activity changes: older sessions end. */
    sessionVersion: integer('session_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_unit_idx').on(t.unitId),
    check('users_role_check', sql`${t.role} in (${inList(ROLES)})`),
    check('users_username_lower', sql`${t.username} = lower(${t.username})`),
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
    index('audit_log_at_idx').on(t.at),
    index('audit_log_unit_idx').on(t.unitId, t.at),
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
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rule_sets_effective_from_key').on(t.effectiveFrom)],
);

/** Public holidays on working days, for deadlines counted in working days. */
export const holidays = pgTable('holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
});
