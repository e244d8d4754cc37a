import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { loginFailures, units, users } from '@/db/schema';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@/lib/auth/policy';
import { now } from '@/lib/clock';
import { writeAudit } from './audit';

export type LoginResult =
  | { ok: true; userId: number; sessionVersion: number; fullName: string }
  | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Check a username and password. After LOGIN_MAX_FAILURES failures for a username within
 * LOGIN_LOCK_MINUTES, every attempt for it is refused until the window passes, whether or not the
 * user exists; a wrong username and a wrong password give the same answer.
 */
export async function verifyLogin(rawUsername: string, password: string): Promise<LoginResult> {
  const username = rawUsername.trim().toLowerCase();
  const db = await getDb();
  const since = new Date(now().getTime() - LOGIN_LOCK_MINUTES * 60_000);
  // Check the limit and reserve this attempt in one step, one attempt at a time per username:
  // otherwise parallel guesses all read the same count and all get past it. The attempt counts as
  // a failure until it succeeds (a success clears the failures).
  const throttled = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'login:' + username}))`);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(loginFailures)
      .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
    if (Number(n) >= LOGIN_MAX_FAILURES) return true;
    await tx.insert(loginFailures).values({ username, at: now() });
    return false;
  });
  if (throttled) return { ok: false, reason: 'throttled' };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion, fullName: users.fullName, unitId: users.unitId })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.username, username), eq(users.active, true), eq(units.status, 'active')));
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !passwordOk) return { ok: false, reason: 'invalid' };
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.username, username));
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, fullName: user.fullName };
}
