import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * The search thesaurus (content/thesaurus.tsv): one row per everyday word with the statute phrases it stands for.
 * Rows are never deleted but marked removed, so phones pulling by cursor drop them too.
 */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  const bool = kind === 'postgres' ? 'boolean' : 'integer';
  await db.schema
    .createTable('thesaurusEntry')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('phrases', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('removed', bool, (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thesaurusEntry_seq').on('thesaurusEntry').column('changeSeq').execute();
}
