import type { Db } from './db/client';
import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES } from '@/lib/constants';

/**
 * Failed-login bookkeeping: five failures within the lock window lock the account for 30 minutes.
 * Kept in the database so every app server sees the same count.
 */
export async function lockedUntil(db: Db, username: string, now = new Date()): Promise<Date | null> {
  const row = await db.selectFrom('loginLock').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row?.lockedUntil) return null;
  const until = new Date(row.lockedUntil);
  return until > now ? until : null;
}

export async function recordLoginFailure(db: Db, username: string, now = new Date()): Promise<void> {
  const row = await db.selectFrom('loginLock').selectAll().where('username', '=', username).executeTakeFirst();
  const windowStart = new Date(now.getTime() - LOGIN_LOCK_MS);
  const fresh = !row || new Date(row.firstFailureAt) < windowStart || (row.lockedUntil !== null && new Date(row.lockedUntil) <= now);
  const failures = fresh ? 1 : row.failures + 1;
  const values = {
    failures,
    firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt,
    lockedUntil: failures >= LOGIN_MAX_FAILURES ? new Date(now.getTime() + LOGIN_LOCK_MS).toISOString() : null,
  };
  if (row) await db.updateTable('loginLock').set(values).where('username', '=', username).execute();
  else
    await db
      .insertInto('loginLock')
      .values({ username, ...values })
      .execute();
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginLock').where('username', '=', username).execute();
}
