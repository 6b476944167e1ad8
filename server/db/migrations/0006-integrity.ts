import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Integrity: an index to find a person's credited reading time by when it ended (server/study.ts bounds reading
 * time by wall time), and retiring a law imported by mistake (kept for history, gone from the library and phones).
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema.createIndex('studyEvent_user_kind_time').on('studyEvent').columns(['userId', 'kind', 'occurredAt']).execute();
  await db.schema.alterTable('law').addColumn('retiredAt', 'text').execute();
  await db.schema.alterTable('law').addColumn('retiredBy', 'text').execute();
}
