import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { enterprises } from '@/db/schema';
import { today } from '@/lib/clock';
import { yearPeriod } from '@/lib/reports/maths';
import { MEASURES, SHARE_MEASURES, type Measure } from '@/lib/reports/measures';
import { getAbilities, isBranchKind, type Abilities } from './abilities';
import { listCases, listInbox, type CaseListItem } from './case-lists';
import { enterpriseInScope } from './enterprises';
import { getDashboard, getOverview, type Overview } from './reports';
import { requireUser, type CurrentUser } from './session';
import { getHomeOverview } from './units';

/** How many steps awaiting the unit the home page reads (soonest deadline first, so overdue ones come first). */
export const HOME_INBOX_SIZE = 20;
/** At least this many waiting steps are named (the next ones due, when fewer are overdue or due this week). */
export const HOME_SOON_SHOWN = 3;
/** How many of the unit's own referrals the home page shows. */
export const HOME_REFERRALS_SIZE = 5;
/** How many linked enterprises a branch's home page names. */
export const HOME_ENTERPRISES_SIZE = 5;

export type Progress = { measure: Measure; actual: number | null; target: number | null; percent: number | null };

export type Home = {
  user: CurrentUser;
  abilities: Abilities;
  today: string;
  /** The last day of this week (Sunday). */
  weekEnd: string;
  /** Steps awaiting the user's unit: past their deadline, due by the end of this week, and how many more wait later. */
  inbox: { overdue: CaseListItem[]; thisWeek: CaseListItem[]; upcoming: CaseListItem[]; later: number; total: number; totalCapped: boolean };
  /** The cases the user's own unit referred (union and youth branches), soonest deadline first. */
  referrals: { items: CaseListItem[]; total: number | null; totalCapped: boolean } | null;
  /** Open cases of the subtree (or, for a branch, those it referred) by stage. */
  stages: Overview['headline']['candidates'];
  /** This year's figures against the targets set for the user's unit (measures with a target or something done). */
  year: number;
  progress: Progress[];
  /** Headline figures of the subtree (a branch: of its enterprises). */
  headline: Overview['headline'];
  /** The enterprises a branch is the trade union or youth union of. */
  enterprises: { id: number; name: string }[];
  unit: Awaited<ReturnType<typeof getHomeOverview>>['unit'];
};

/** yyyy-mm-dd of the Sunday ending the week of `day` (weeks start on Monday). */
export function weekEndOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const toSunday = (7 - d.getUTCDay()) % 7;
  return new Date(d.getTime() + toSunday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The home page: the user's own work first. Everything comes from the lists and reports the
 * other pages use (listInbox, listCases, getDashboard, getOverview), each applying the user's
 * scope itself; only the branch's enterprises are read here (by the scope index, the link decides).
 */
export async function getHome(): Promise<Home> {
  const user = await requireUser();
  const day = today();
  const year = Number(day.slice(0, 4));
  const period = yearPeriod(year);
  const branch = isBranchKind(user.unitKind);
  const [abilities, inbox, referrals, dashboard, overview, linked, home] = await Promise.all([
    getAbilities(),
    listInbox({ size: HOME_INBOX_SIZE }),
    branch ? listCases({ referredByMe: true }, { size: HOME_REFERRALS_SIZE }) : Promise.resolve(null),
    getDashboard({ period }),
    getOverview({ period }),
    branch ? branchEnterprises(user) : Promise.resolve([]),
    getHomeOverview(),
  ]);
  const weekEnd = weekEndOf(day);
  const overdue = inbox.items.filter((c) => c.overdue);
  const thisWeek = inbox.items.filter((c) => !c.overdue && c.dueOn !== null && c.dueOn <= weekEnd);
  // Then the next ones due, so that the page always names a few steps when some wait.
  const upcoming = inbox.items.filter((c) => !overdue.includes(c) && !thisWeek.includes(c)).slice(0, Math.max(0, HOME_SOON_SHOWN - overdue.length - thisWeek.length));
  const total = inbox.total ?? inbox.items.length;
  const progress: Progress[] = MEASURES.filter((m) => {
    const target = dashboard.total.target[m];
    const actual = dashboard.total.actual[m];
    return target !== undefined || (!SHARE_MEASURES.includes(m) && (actual ?? 0) > 0);
  }).map((m) => ({ measure: m, actual: dashboard.total.actual[m], target: dashboard.total.target[m] ?? null, percent: dashboard.total.percent[m] ?? null }));
  return {
    user,
    abilities,
    today: day,
    weekEnd,
    inbox: { overdue, thisWeek, upcoming, later: Math.max(0, total - overdue.length - thisWeek.length - upcoming.length), total, totalCapped: inbox.totalCapped },
    referrals: referrals ? { items: referrals.items, total: referrals.total, totalCapped: referrals.totalCapped } : null,
    stages: overview.headline.candidates,
    year,
    progress,
    headline: overview.headline,
    enterprises: linked,
    unit: home.unit,
  };
}

/** The enterprises the user's branch is linked to (scope first, by its index; the link decides). */
async function branchEnterprises(user: CurrentUser): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  return db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(enterpriseInScope(user), or(eq(enterprises.tradeUnionUnitId, user.unitId), eq(enterprises.youthUnionUnitId, user.unitId))))
    .orderBy(sql`${enterprises.name} collate "und-x-icu"`, asc(enterprises.id))
    .limit(HOME_ENTERPRISES_SIZE);
}
