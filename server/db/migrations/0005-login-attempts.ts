import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Failed-password counters keyed per account and address, per address and per account (see server/login-lock.ts),
 * counted with one atomic upsert each. Replaces the per-account loginLock, which any stranger could trip.
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema.dropTable('loginLock').execute();
  await db.schema
    .createTable('loginAttempt')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text')
    .addColumn('address', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('windowStart', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('loginAttemptUsername').on('loginAttempt').column('username').execute();
}
