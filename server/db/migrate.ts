import { sql } from 'kysely';
import type { DbHandle } from './client';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-laws';
import * as m0003 from './migrations/0003-quiz';
import * as m0004 from './migrations/0004-article-sub';
import * as m0005 from './migrations/0005-login-attempts';
import * as m0006 from './migrations/0006-integrity';
import * as m0007 from './migrations/0007-activities';
import * as m0008 from './migrations/0008-consultations';
import * as m0009 from './migrations/0009-change-sequence';
import * as m0010 from './migrations/0010-thesaurus';
import * as m0011 from './migrations/0011-admin';
import * as m0012 from './migrations/0012-report';
import * as m0013 from './migrations/0013-task-deleted';
import * as m0014 from './migrations/0014-report-counters';

/**
 * One migration set for SQLite and PostgreSQL. Each migration receives the dialect so it can pick column types;
 * migrations are imported statically so they bundle with the server.
 */
const MIGRATIONS: { name: string; up: typeof m0001.up }[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-laws', up: m0002.up },
  { name: '0003-quiz', up: m0003.up },
  { name: '0004-article-sub', up: m0004.up },
  { name: '0005-login-attempts', up: m0005.up },
  { name: '0006-integrity', up: m0006.up },
  { name: '0007-activities', up: m0007.up },
  { name: '0008-consultations', up: m0008.up },
  { name: '0009-change-sequence', up: m0009.up },
  { name: '0010-thesaurus', up: m0010.up },
  { name: '0011-admin', up: m0011.up },
  { name: '0012-report', up: m0012.up },
  { name: '0013-task-deleted', up: m0013.up },
  { name: '0014-report-counters', up: m0014.up },
];

export async function migrate(handle: DbHandle): Promise<string[]> {
  const { db, kind } = handle;
  await db.schema
    .createTable('schemaMigration')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('appliedAt', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      // Serialise concurrent migrators on PostgreSQL (several app servers starting at once).
      if (kind === 'postgres') await sql`select pg_advisory_xact_lock(20260101)`.execute(trx);
      const done = await sql<{ name: string }>`select name from ${sql.table('schemaMigration')} where name = ${migration.name}`.execute(
        trx,
      );
      if (done.rows.length > 0) return;
      await migration.up(trx as never, kind);
      await sql`insert into ${sql.table('schemaMigration')} (name, "appliedAt") values (${migration.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
      applied.push(migration.name);
    });
  }
  return applied;
}
