import { sql } from 'kysely';
import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_ADDRESS } from '@/lib/constants';
import type { Db } from './db/client';

/**
 * Wrong-password bookkeeping for every route that checks a password (sign-in, password change).
 *
 * Three counters, each a row bumped by one atomic upsert (so concurrent guesses are counted one by one on SQLite and
 * PostgreSQL alike): one account from one address (5 per 30 minutes), one address over all accounts (30, against
 * a password sprayed over many phones), one account from all addresses (50). An attempt is counted *before* its
 * password is checked and handed back when it succeeds, so 25 guesses at once still get only 5 checks. A stranger
 * who trips the lock for an account locks out only their own address; the account-wide ceiling needs many
 * addresses, and an administrator can lift every lock of an account at once.
 */
export type AttemptVerdict = { allowed: true } | { allowed: false; until: Date };

interface Counter {
  key: string;
  username: string | null;
  address: string | null;
  max: number;
}

function counters(username: string, address: string): Counter[] {
  return [
    { key: `pair:${username}|${address}`, username, address, max: LOGIN_MAX_FAILURES },
    { key: `addr:${address}`, username: null, address, max: LOGIN_MAX_FAILURES_PER_ADDRESS },
    { key: `acct:${username}`, username, address: null, max: LOGIN_MAX_FAILURES_PER_ACCOUNT },
  ];
}

async function bump(db: Db, counter: Counter, now: Date): Promise<{ failures: number; windowStart: string }> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - LOGIN_LOCK_MS).toISOString();
  const expired = sql<boolean>`${sql.ref('loginAttempt.windowStart')} < ${cutoff}`;
  return db
    .insertInto('loginAttempt')
    .values({ key: counter.key, username: counter.username, address: counter.address, failures: 1, windowStart: nowIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else ${sql.ref('loginAttempt.failures')} + 1 end`,
        windowStart: sql<string>`case when ${expired} then ${nowIso} else ${sql.ref('loginAttempt.windowStart')} end`,
      }),
    )
    .returning(['failures', 'windowStart'])
    .executeTakeFirstOrThrow();
}

async function unbump(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('loginAttempt')
    .set({ failures: sql<number>`${sql.ref('failures')} - 1` })
    .where('key', 'in', keys)
    .where('failures', '>', 0)
    .execute();
}

/** Counts a password attempt before it is checked; refuses it while any of its counters is over its limit. */
export async function reserveAttempt(db: Db, username: string, address: string, now = new Date()): Promise<AttemptVerdict> {
  const counted: string[] = [];
  for (const counter of counters(username, address)) {
    const row = await bump(db, counter, now);
    if (Number(row.failures) > counter.max) {
      // Only attempts that get checked count against the wider counters, so a locked-out guesser adds nothing.
      await unbump(db, counted);
      return { allowed: false, until: new Date(new Date(row.windowStart).getTime() + LOGIN_LOCK_MS) };
    }
    counted.push(counter.key);
  }
  return { allowed: true };
}

/**
 * Settles a reserved attempt: a wrong password stays counted; a right one clears this address's count for the
 * account and hands the reservation back; an attempt whose password was never judged is handed back.
 */
export async function settleAttempt(db: Db, username: string, address: string, outcome: 'wrong' | 'right' | 'unjudged'): Promise<void> {
  if (outcome === 'wrong') return;
  const [pair, ...wider] = counters(username, address);
  if (outcome === 'right') {
    await db.deleteFrom('loginAttempt').where('key', '=', pair!.key).execute();
    await unbump(
      db,
      wider.map((c) => c.key),
    );
  } else
    await unbump(
      db,
      counters(username, address).map((c) => c.key),
    );
}

/** The accounts among these that some address (or the account-wide ceiling) has locked right now. */
export async function lockedAccounts(db: Db, usernames: string[], now = new Date()): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const cutoff = new Date(now.getTime() - LOGIN_LOCK_MS).toISOString();
  const rows = await db
    .selectFrom('loginAttempt')
    .select('username')
    .where('username', 'in', usernames)
    .where('windowStart', '>=', cutoff)
    .where((eb) =>
      eb.or([
        eb.and([eb('address', 'is not', null), eb('failures', '>=', LOGIN_MAX_FAILURES)]),
        eb.and([eb('address', 'is', null), eb('failures', '>=', LOGIN_MAX_FAILURES_PER_ACCOUNT)]),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.username!));
}

/** Lifts every lock on an account (an administrator's unlock). */
export async function unlockAccount(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('username', '=', username).execute();
}
