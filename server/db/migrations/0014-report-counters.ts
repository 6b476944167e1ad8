import type { Kysely } from 'kysely';
import type { DbKind } from '../client';
import type { Database } from '../schema';
import { rebuildReportCounters } from '../../reports/counters';

/**
 * Report counters: the activity figures of the annual report kept by CST day, month and year, for every org unit on
 * an activity's path, written in the same transaction as each op that changes them (server/reports/counters.ts), so
 * a county's year reads a few hundred rows instead of every activity and check-in. Backfilled from the records.
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('reportCounter')
    .addColumn('unitId', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reportCounter_pk', ['unitId', 'bucket', 'metric'])
    .execute();
  await rebuildReportCounters(db as unknown as Kysely<Database>);
}
