import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * PostgreSQL takes change values from a sequence instead of the counter row, so pushes through several app servers
 * no longer queue on one row lock (server/db/changes.ts keeps pulls gap-free). SQLite keeps the counter row.
 */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  if (kind !== 'postgres') return;
  await sql`create sequence ${sql.table('changeSeq')} as bigint`.execute(db);
  await sql`select setval(${'"changeSeq"'}::regclass, (select value from ${sql.table('changeCounter')} where id = 1) + 1, false)`.execute(
    db,
  );
}
