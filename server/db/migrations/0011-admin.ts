import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Administration: content has a state (draft, published, archived) and remembers when an administrator touched it,
 * so `npm run db:setup` never overwrites or resurrects an admin's edit; a published lesson's pending edit waits in
 * `draft` until it is published; org units can be retired; a reset password must be changed at next login.
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  for (const table of ['module', 'lesson', 'question'] as const) {
    await db.schema
      .alterTable(table)
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('adminEdited', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema.alterTable('lesson').addColumn('draft', 'text').execute();
  await db.schema
    .alterTable('thesaurusEntry')
    .addColumn('adminEdited', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('orgUnit').addColumn('retiredAt', 'text').execute();
  await db.schema
    .alterTable('user')
    .addColumn('mustChangePassword', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('auditLog_at').on('auditLog').columns(['at']).execute();
}
