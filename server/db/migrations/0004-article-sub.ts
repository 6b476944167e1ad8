import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Articles are addressed by number and `sub`: 0 for 第X条, Y for 刑法's inserted 第X条之Y. The key of `lawArticle`
 * becomes (lawId, number, sub); SQLite cannot change a primary key in place, so the table is rebuilt on both
 * databases and every existing article keeps sub 0.
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('lawArticleNext')
    .addColumn('lawId', 'text', (c) => c.notNull().references('law.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('sub', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('headingPath', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lawArticle_key', ['lawId', 'number', 'sub'])
    .execute();
  await sql`insert into ${sql.table('lawArticleNext')} ("lawId", number, sub, label, "headingPath", paragraphs)
    select "lawId", number, 0, label, "headingPath", paragraphs from ${sql.table('lawArticle')}`.execute(db);
  await db.schema.dropTable('lawArticle').execute();
  await db.schema.alterTable('lawArticleNext').renameTo('lawArticle').execute();
}
