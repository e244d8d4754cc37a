import 'server-only';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, rowsOf, type Tx } from '@/db';
import { admissionCases, notifications, persons, units, users } from '@/db/schema';
import type { CaseRole, State } from '@/lib/admission/workflow';
import { now, today } from '@/lib/clock';
import type { DigestFrequency, NotificationKind } from '@/lib/notify/kinds';
import { actingPairs, dedupeKey, dueSoonUntil, recipientsOf } from '@/lib/notify/reminders';
import { inboxWhere } from './case-lists';
import { writeAudit } from './audit';
import { invalid, notFound } from './errors';
import { capped, cappedCount, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { loadRulesAndHolidays } from './rules';
import { CURRENT_USER_COLUMNS, requireUser, scopeHolds, type CurrentUser } from './session';

/**
 * Notifications are a user's own: every read and change here names the current user's id in its
 * WHERE clause (and the case's scope, so a user moved elsewhere no longer reads a case's name).
 */
function mine(user: CurrentUser): SQL {
  return and(eq(notifications.userId, user.id), scopeHolds(user, admissionCases.scopeUnits))!;
}

// ------------------------------------------------------------------ written with a case step

const CASE_UNIT_COLUMN: Record<CaseRole, string> = {
  referrer: 'referrer_unit_id',
  cell: 'cell_unit_id',
  committee: 'committee_unit_id',
  decider: 'decider_unit_id',
};

export type CaseStepNotice = {
  /** The user who took the step (not told of it). */
  actorId: number;
  caseId: number;
  /** The case's state and version after the step. */
  state: State;
  version: number;
  dueOn: string | null;
  returned: boolean;
  note?: string | null;
  units: Record<CaseRole, number | null>;
};

/**
 * In the transaction of a case step: tell the users who act on the case now (those of the unit
 * that owns its new state, with a role whose inbox holds it) that it awaits them, or that it was
 * returned to them. Keyed by the case's version, so a retried step adds nothing.
 */
export async function notifyCaseStep(tx: Tx, n: CaseStepNotice): Promise<void> {
  const who = recipientsOf(n.state);
  const unitId = who ? n.units[who.caseRole] : null;
  if (!who || unitId === null) return;
  const kind: NotificationKind = n.returned ? 'returned' : 'awaiting';
  await tx.execute(sql`insert into ${notifications} (user_id, kind, case_id, case_state, due_on, note, dedupe_key)
    select u.id, ${kind}, ${n.caseId}, ${n.state}, ${n.dueOn}::date, ${n.note ?? null}, ${dedupeKey(kind, n.caseId, n.state, n.version)}
    from ${users} u
    where u.unit_id = ${unitId} and u.active and u.id <> ${n.actorId} and u.role in (${sql.join(
      who.roles.map((r) => sql`${r}`),
      sql`, `,
    )})
    on conflict (user_id, dedupe_key) do nothing`);
}

// ------------------------------------------------------------------ the reminder job

/**
 * UNSCOPED, for the reminder job (npm run notify, or an administrator through lib/dal/jobs.ts):
 * for every open case whose deadline is within the reminder lead time (due_soon) or past
 * (overdue), a notification to each user who acts on it. Set-based, one statement per case
 * unit; keyed by the case, its stage and its deadline, so running it again adds nothing.
 */
export async function systemRunReminders(): Promise<{ created: number }> {
  const [db, { holidays }] = await Promise.all([getDb(), loadRulesAndHolidays()]);
  const day = today();
  const until = dueSoonUntil(day, holidays);
  const byCaseRole = new Map<CaseRole, { pairs: SQL[]; states: Set<State> }>();
  for (const p of actingPairs()) {
    const entry = byCaseRole.get(p.caseRole) ?? { pairs: [], states: new Set<State>() };
    entry.pairs.push(
      sql`(u.role = ${p.role} and c.state in (${sql.join(
        p.states.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
    for (const s of p.states) entry.states.add(s);
    byCaseRole.set(p.caseRole, entry);
  }
  const kind = sql`(case when c.due_on < ${day}::date then 'overdue' else 'due_soon' end)`;
  let created = 0;
  for (const [caseRole, { pairs, states }] of byCaseRole) {
    const result = await db.execute(sql`insert into ${notifications} (user_id, kind, case_id, case_state, due_on, dedupe_key)
      select u.id, ${kind}, c.id, c.state, c.due_on, ${kind} || ':' || c.id || ':' || c.state || ':' || c.due_on::text
      from ${admissionCases} c
      join ${users} u on u.unit_id = c.${sql.raw(CASE_UNIT_COLUMN[caseRole])} and u.active
      where c.state in (${sql.join(
        [...states].map((s) => sql`${s}`),
        sql`, `,
      )}) and c.due_on <= ${until}::date and (${sql.join(pairs, sql` or `)})
        and not (c.state = 'probation' and c.probation_ends_on > ${day}::date)
      on conflict (user_id, dedupe_key) do nothing
      returning 1`);
    created += rowsOf(result).length;
  }
  return { created };
}

// ------------------------------------------------------------------ the user's list

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  caseId: number;
  fullName: string;
  /** The stage the notification was about, and the case's stage now. */
  caseState: State;
  currentState: State;
  dueOn: string | null;
  note: string | null;
  createdAt: Date;
  read: boolean;
};

const newestFirst: SortKey<{ id: number }> = { columns: [[sql`${notifications.id}`, 'integer']], direction: 'desc', values: (r) => [r.id] };

function itemQuery(tx: Pick<Tx, 'select'>) {
  return tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      caseId: notifications.caseId,
      fullName: persons.fullName,
      caseState: notifications.caseState,
      currentState: admissionCases.state,
      dueOn: notifications.dueOn,
      note: notifications.note,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(admissionCases, eq(admissionCases.id, notifications.caseId))
    .innerJoin(persons, eq(persons.id, admissionCases.personId));
}

/**
 * Unread and still true: the case is still at the stage the notification was about. A step taken
 * since (by this user, a colleague or the level above) leaves the notice in the list, no longer
 * counted by the bell, the "unread" filter or the digest.
 */
const outstanding = sql`${notifications.readAt} is null and ${notifications.caseState} = ${admissionCases.state}`;

const toItem = ({ readAt, ...r }: Awaited<ReturnType<ReturnType<typeof itemQuery>['execute']>>[number]): NotificationItem => ({ ...r, read: readAt !== null });

/** The current user's notifications, newest first; `unread` keeps the unread ones only. */
export async function listNotifications(page: PageRequest = {}, filter: { unread?: boolean } = {}): Promise<Page<NotificationItem>> {
  const user = await requireUser();
  const db = await getDb();
  const where = and(mine(user), filter.unread ? outstanding : undefined)!;
  const ks = keyset(newestFirst, page);
  const [rows, counted] = await Promise.all([
    itemQuery(db)
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${notifications} join ${admissionCases} on ${admissionCases.id} = ${notifications.caseId} where ${where}`)),
  ]);
  return ks.finish(rows, toItem, capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

/** The bell's number: the current user's outstanding notifications (unread, the case still at that stage; counted up to TOTAL_CAP). */
export async function countUnreadNotifications(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  const counted = await db.execute(cappedCount(sql`select 1 from ${notifications} join ${admissionCases} on ${admissionCases.id} = ${notifications.caseId} where ${mine(user)} and ${outstanding}`));
  return Number(rowsOf<{ n: number }>(counted)[0].n);
}

/** Opening a notification marks it read and answers the case it is about; another user's is not found. */
export async function readNotification(id: number): Promise<{ caseId: number }> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now().toISOString()}::timestamptz)` })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.userId, user.id),
        sql`exists (select 1 from ${admissionCases} where ${admissionCases.id} = ${notifications.caseId} and ${scopeHolds(user, admissionCases.scopeUnits)})`,
      ),
    )
    .returning({ caseId: notifications.caseId });
  if (!row) throw notFound();
  return row;
}

/** Marks all the current user's notifications read. */
export async function readAllNotifications(): Promise<{ count: number }> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: now() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { count: rows.length };
}

// ------------------------------------------------------------------ profile (e-mail and digest)

export type Profile = { fullName: string; username: string; email: string | null; digest: DigestFrequency; digestSentAt: Date | null; version: number };

/** The current user's own profile. */
export async function getProfile(): Promise<Profile> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({ fullName: users.fullName, username: users.username, email: users.email, digest: users.digest, digestSentAt: users.digestSentAt, version: users.version })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row) throw notFound();
  return row;
}

/** The current user sets their own e-mail address and digest; a daily digest needs an address. Only ever the caller's row. */
export async function updateProfile(input: { email?: string; digest: DigestFrequency }): Promise<void> {
  const user = await requireUser();
  const email = input.email?.trim().toLowerCase() || null;
  if (input.digest === 'daily' && !email) throw invalid('profile.emailNeeded', { email: 'profile.emailNeeded' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ email: users.email, digest: users.digest }).from(users).where(eq(users.id, user.id));
    if (!before) throw notFound();
    await tx
      .update(users)
      .set({ email, digest: input.digest, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'user.profile', entity: 'user', entityId: user.id, before, after: { email, digest: input.digest } });
  });
}

// ------------------------------------------------------------------ the digest's reads (UNSCOPED: the digest job)

export type DigestRecipient = { id: number; fullName: string; email: string };
export type DigestCase = { caseId: number; fullName: string; state: State; dueOn: string | null; kind?: NotificationKind; note?: string | null };

const digestSentBefore = (day: string) => sql`(${users.digestSentAt} is null or (${users.digestSentAt} at time zone 'Asia/Ho_Chi_Minh')::date < ${day}::date)`;

/** UNSCOPED (the digest job): the next `size` active users after id `afterId` who want a daily digest, have an address and got none today. */
export async function systemDigestRecipients(afterId: number, size: number): Promise<DigestRecipient[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.digest, 'daily'), eq(users.active, true), sql`${users.email} is not null`, sql`${users.id} > ${afterId}`, digestSentBefore(today())))
    .orderBy(users.id)
    .limit(size);
  return rows.map((r) => ({ ...r, email: r.email! }));
}

/** UNSCOPED (the digest job): takes today's digest of a user (false when another run already did); `release` gives it back after a failed send. */
export async function systemClaimDigest(userId: number): Promise<{ claimed: boolean; release: () => Promise<void> }> {
  const db = await getDb();
  const [before] = await db.select({ at: users.digestSentAt }).from(users).where(eq(users.id, userId));
  const claimed = await db
    .update(users)
    .set({ digestSentAt: now() })
    .where(and(eq(users.id, userId), digestSentBefore(today())))
    .returning({ id: users.id });
  return {
    claimed: claimed.length === 1,
    release: async () => {
      await db
        .update(users)
        .set({ digestSentAt: before?.at ?? null })
        .where(eq(users.id, userId));
    },
  };
}

/** At most this many cases of each kind in one e-mail (the portal lists the rest). */
export const DIGEST_LIMIT = 30;

/**
 * UNSCOPED by session, scoped by the recipient (the digest job): what one user's digest lists,
 * the same rows the portal shows them: their unread notifications, and the cases waiting for
 * their unit (soonest deadline first), each within their scope.
 */
export async function systemDigestContent(userId: number): Promise<{ unread: DigestCase[]; awaiting: DigestCase[]; awaitingTotal: number } | null> {
  const db = await getDb();
  const [u] = await db
    .select(CURRENT_USER_COLUMNS)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!u) return null;
  const user: CurrentUser = u;
  const [unread, awaiting, counted] = await Promise.all([
    itemQuery(db)
      .where(and(mine(user), outstanding))
      .orderBy(desc(notifications.id))
      .limit(DIGEST_LIMIT),
    db
      .select({ caseId: admissionCases.id, fullName: persons.fullName, state: admissionCases.state, dueOn: admissionCases.dueOn })
      .from(admissionCases)
      .innerJoin(persons, eq(persons.id, admissionCases.personId))
      .where(inboxWhere(user))
      .orderBy(sql`coalesce(${admissionCases.dueOn}, 'infinity'::date)`, admissionCases.id)
      .limit(DIGEST_LIMIT),
    db.execute(cappedCount(sql`select 1 from ${admissionCases} where ${inboxWhere(user)}`)),
  ]);
  return {
    unread: unread.map((r) => ({ caseId: r.caseId, fullName: r.fullName, state: r.currentState, dueOn: r.dueOn, kind: r.kind, note: r.note })),
    awaiting,
    awaitingTotal: Number(rowsOf<{ n: number }>(counted)[0].n),
  };
}
