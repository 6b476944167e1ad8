import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/** A deleted weekly task stays as a tombstone (deletedAt) so phones learn of the deletion on their next pull. */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema.alterTable('studyTask').addColumn('deletedAt', 'text').execute();
}
