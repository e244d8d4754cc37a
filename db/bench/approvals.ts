/**
 * Approvals under load for `npm run bench`: the 50 leaders with the longest queues (cells,
 * ward and grassroots committees, deciding levels) each work through their pending cases at the
 * same time, through the data layer (applyTransition: checks, guarded update, event and audit
 * row in one transaction). Then a race: two sessions of the same leader take the same step on
 * the same case at once, for a hundred cases. Lost transitions (answered "done" but not in the
 * database) and duplicated ones (two events for one step) are counted from the database.
 */
import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '../index';
import { applyTransition, type TransitionInput } from '../../lib/dal/admission';
import { runAs } from '../../lib/dal/session';
import { CHECKS, type TransitionName } from '../../lib/admission/workflow';
import type { State } from '../../lib/admission/states';

const NEXT: Partial<Record<State, TransitionName>> = {
  referred: 'accept',
  cell_review: 'cellResolve',
  committee_review: 'committeeEndorse',
  decision_pending: 'decide',
  ceremony_pending: 'recordCeremony',
};

/** What a leader types for each step; every check may be overridden with a written reason (leaders may). */
function inputFor(c: { id: number; version: number; state: State }): TransitionInput {
  const transition = NEXT[c.state]!;
  return {
    caseId: c.id,
    version: c.version,
    transition,
    votesFor: 6,
    eligible: 7,
    sponsors: ['Trần Văn Bảo', 'Lê Thị Hồng'],
    decisionNo: `${c.id}-QĐ/BENCH`,
    overrides: Object.fromEntries(CHECKS.map((k) => [k, 'Đo tải (bench)'])),
  };
}

type Queued = { id: number; version: number; state: State };

export type ApprovalsReport = {
  leaders: number;
  attempted: number;
  done: number;
  failed: number;
  seconds: number;
  perSecond: number;
  race: { cases: number; done: number; refused: number; lost: number; duplicated: number };
  errors: string[];
};

export async function benchApprovals(leaderCount = 50, raceCases = 100): Promise<ApprovalsReport> {
  const db = await getDb();
  const states = Object.keys(NEXT);
  const owners = rowsOf<{ unit_id: number; n: number }>(
    await db.execute(sql`
      select owner as unit_id, count(*)::int as n from (
        select case when c.state in ('referred', 'cell_review', 'ceremony_pending') then c.cell_unit_id
                    when c.state = 'committee_review' then c.committee_unit_id
                    else c.decider_unit_id end as owner
        from admission_cases c where c.state in (${sql.join(
          states.map((s) => sql`${s}`),
          sql`, `,
        )})) x
      group by owner order by count(*) desc, owner limit ${leaderCount}`),
  );
  const users = rowsOf<{ id: number; unit_id: number; sv: number }>(
    await db.execute(
      sql`select id, unit_id, session_version as sv from users where role = 'leader' and username = 'l' || unit_id and unit_id in (${sql.join(
        owners.map((o) => sql`${o.unit_id}`),
        sql`, `,
      )})`,
    ),
  );
  const queues = new Map<number, Queued[]>();
  for (const o of owners) {
    const rows = rowsOf<Queued>(
      await db.execute(sql`
        select id, version, state from admission_cases c
        where (c.state in ('referred', 'cell_review', 'ceremony_pending') and c.cell_unit_id = ${o.unit_id})
           or (c.state = 'committee_review' and c.committee_unit_id = ${o.unit_id})
           or (c.state = 'decision_pending' and c.decider_unit_id = ${o.unit_id})
        order by id`),
    );
    queues.set(
      Number(o.unit_id),
      rows.map((r) => ({ id: Number(r.id), version: Number(r.version), state: r.state })),
    );
  }
  // Keep some cases aside for the race, from the longest queues.
  const raceSet: { user: (typeof users)[number]; c: Queued }[] = [];
  for (const u of users) {
    const q = queues.get(Number(u.unit_id))!;
    while (raceSet.length < raceCases && q.length > 3 && raceSet.filter((r) => r.user === u).length < Math.ceil(raceCases / users.length) + 1) raceSet.push({ user: u, c: q.pop()! });
  }

  const identity = (u: (typeof users)[number]) => ({ userId: Number(u.id), sessionVersion: Number(u.sv) });
  const errors: string[] = [];
  let attempted = 0;
  let done = 0;
  const started = new Date();
  const t0 = performance.now();
  await Promise.all(
    users.map(async (u) => {
      for (const c of queues.get(Number(u.unit_id)) ?? []) {
        attempted++;
        try {
          await runAs(identity(u), () => applyTransition(inputFor(c)));
          done++;
        } catch (err) {
          if (errors.length < 5) errors.push(`${c.state}: ${(err as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;

  // The race: two sessions of the same leader, the same step, the same case, at once.
  let raceDone = 0;
  let raceRefused = 0;
  const reportedDone = new Map<number, number>();
  await Promise.all(
    raceSet.flatMap(({ user, c }) =>
      [0, 1].map(async () => {
        try {
          await runAs(identity(user), () => applyTransition(inputFor(c)));
          raceDone++;
          reportedDone.set(c.id, (reportedDone.get(c.id) ?? 0) + 1);
        } catch {
          raceRefused++;
        }
      }),
    ),
  );
  const ids = raceSet.map((r) => r.c.id);
  const events = ids.length
    ? rowsOf<{ case_id: number; n: number; version: number }>(
        await db.execute(sql`
          select c.id as case_id, c.version, (select count(*)::int from case_events e where e.case_id = c.id and e.at >= ${started.toISOString()}::timestamptz) as n
          from admission_cases c where c.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`),
      )
    : [];
  let lost = 0;
  let duplicated = 0;
  for (const r of raceSet) {
    const row = events.find((e) => Number(e.case_id) === r.c.id);
    const n = Number(row?.n ?? 0);
    const said = reportedDone.get(r.c.id) ?? 0;
    if (said > n || (said > 0 && Number(row?.version) !== r.c.version + 1)) lost++;
    if (n > 1 || said > 1) duplicated++;
  }
  return {
    leaders: users.length,
    attempted,
    done,
    failed: attempted - done,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(done / seconds),
    race: { cases: raceSet.length, done: raceDone, refused: raceRefused, lost, duplicated },
    errors,
  };
}
