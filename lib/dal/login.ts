import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { getDb } from '@/db';
import { loginFailures, units, users } from '@/db/schema';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import { LOGIN_CLIENT_MAX_FAILURES, LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@/lib/auth/policy';
import { now } from '@/lib/clock';
import { writeAudit } from './audit';

export type LoginResult = { ok: true; userId: number; sessionVersion: number; fullName: string } | { ok: false; reason: 'invalid' | 'throttled' };

/** Where an attempt comes from: the client's address, and whether this browser signed in to the account before. */
/** (Scripts and tests that give no client are limited per account only.) */
export type LoginContext = { client?: string; knownDevice?: boolean };

/**
 * Failed logins per client address, over all accounts (rate-limiter-flexible, in this process's
 * memory): guessing many accounts from one place is refused after LOGIN_CLIENT_MAX_FAILURES in
 * LOGIN_LOCK_MINUTES. One process serves the portal; several would need its Redis or PostgreSQL
 * store instead.
 */
const clientFailures = new RateLimiterMemory({ points: LOGIN_CLIENT_MAX_FAILURES, duration: LOGIN_LOCK_MINUTES * 60 });

/** Forget the clients' failures (tests start each case clean). */
export async function resetClientFailures(client: string): Promise<void> {
  await clientFailures.delete(client);
}

/**
 * Check a username and password.
 * - A client address with LOGIN_CLIENT_MAX_FAILURES failures within LOGIN_LOCK_MINUTES is refused
 *   for every account until its failures age out.
 * - An account with LOGIN_MAX_FAILURES failures from unknown devices within LOGIN_LOCK_MINUTES is
 *   refused to unknown devices until the window passes, whether or not the user exists; a browser
 *   that signed in to the account before (context.knownDevice) is not locked out by others' guesses.
 * A wrong username and a wrong password give the same answer.
 */
export async function verifyLogin(rawUsername: string, password: string, context: LoginContext = {}): Promise<LoginResult> {
  const username = rawUsername.trim().toLowerCase();
  const client = context.client;
  // The attempt counts against the client until it succeeds (parallel guesses cannot all slip under the limit).
  if (client) {
    try {
      await clientFailures.consume(client);
    } catch {
      return { ok: false, reason: 'throttled' };
    }
  }
  const verdict = await checkAccount(username, password, context.knownDevice === true);
  if (client && (verdict.ok || verdict.reason === 'throttled')) await clientFailures.reward(client, 1);
  return verdict;
}

async function checkAccount(username: string, password: string, knownDevice: boolean): Promise<LoginResult> {
  const db = await getDb();
  const since = new Date(now().getTime() - LOGIN_LOCK_MINUTES * 60_000);
  // Check the limit and reserve this attempt in one step, one attempt at a time per username:
  // otherwise parallel guesses all read the same count and all get past it. The attempt counts as
  // a failure until it succeeds (a success clears the failures).
  const throttled = knownDevice
    ? false
    : await db.transaction(async (tx) => {
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
    // A success from an unknown device clears the account's failures; one from a known device leaves others' guesses counted.
    if (!knownDevice) await tx.delete(loginFailures).where(eq(loginFailures.username, username));
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, fullName: user.fullName };
}
