import 'server-only';
import { env } from '../env';
import { openDatabase, type DbHandle } from './client';
import { migrate } from './migrate';

/** The app's database, opened and migrated once per server process. */
const globalForDb = globalThis as unknown as { pufaDb?: DbHandle; pufaMigrated?: Promise<unknown> };

export function database(): DbHandle {
  if (!globalForDb.pufaDb) {
    const e = env();
    globalForDb.pufaDb = openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
  }
  return globalForDb.pufaDb;
}

/** The database after its migrations have run (every route awaits this before its first query). */
export async function ready(): Promise<DbHandle> {
  const handle = database();
  globalForDb.pufaMigrated ??= migrate(handle);
  await globalForDb.pufaMigrated;
  return handle;
}

export { writeTransaction } from './client';
export type { DbHandle, Trx } from './client';
